using System.Collections.Generic;
using System.Linq;
using MemKata.Analyzers.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace MemKata.Analyzers.Rules;

// What each operation uses: the member it calls or reads, the members the compiler calls for it, and its type.
public sealed partial class UseOnlyTheAllowedApiAnalyzer
{
    private const int FromExpression = 0;
    private const int FromDeclaration = 1;

    private static readonly OperationKind[] AnalyzedOperations =
    [
        OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.FieldReference, OperationKind.PropertyReference,
        OperationKind.EventReference, OperationKind.MethodReference, OperationKind.Unary, OperationKind.Binary,
        OperationKind.CompoundAssignment, OperationKind.Increment, OperationKind.Decrement, OperationKind.Conversion,
        OperationKind.Loop, OperationKind.DeconstructionAssignment, OperationKind.RecursivePattern,
        OperationKind.DeclarationPattern, OperationKind.TypePattern, OperationKind.ListPattern, OperationKind.SlicePattern,
        OperationKind.ImplicitIndexerReference, OperationKind.Range, OperationKind.With, OperationKind.CollectionExpression,
        OperationKind.VariableDeclarator, OperationKind.LocalReference, OperationKind.AnonymousFunction,
        OperationKind.LocalFunction, OperationKind.CatchClause, OperationKind.TypeOf, OperationKind.SizeOf,
        OperationKind.DefaultValue, OperationKind.ArrayCreation, OperationKind.DelegateCreation,
        OperationKind.AnonymousObjectCreation, OperationKind.TypeParameterObjectCreation, OperationKind.Tuple,
        OperationKind.Using, OperationKind.UsingDeclaration, OperationKind.Throw, OperationKind.InterpolatedString,
        OperationKind.IsType,
    ];

    /// <summary>The first thing <paramref name="operation"/> uses that is not allowed, or null.</summary>
    private static Finding? FirstForbidden(IOperation operation, AllowlistChecker checker)
    {
        if (IsArgumentOfForbiddenCall(operation, checker) || IsInterpolationLowering(operation))
        {
            return null;
        }

        var syntax = operation.Syntax;
        switch (operation)
        {
            case IInvocationOperation invocation:
                return ReceiverIsForbidden(Receiver(invocation), checker) ? null
                    : Member(invocation.TargetMethod, CalleeSyntax(syntax), checker) ?? Result(invocation.TargetMethod, operation, checker);
            case IObjectCreationOperation { Parent: IAttributeOperation }:
                // An attribute is checked with the symbol it is applied to (the declarations file), its arguments here.
                return null;
            case IObjectCreationOperation creation:
                return Member(creation.Constructor, syntax, checker) ?? Type(operation.Type, syntax, checker);
            case IMemberReferenceOperation reference when IsReceiverOfAllowedCall(reference, checker):
                return null;
            case IMemberReferenceOperation reference:
                return ReceiverIsForbidden(reference.Instance, checker) ? null
                    : Member(reference.Member, syntax, checker) ?? Result(reference.Member, operation, checker);
            case IUnaryOperation unary:
                return Member(unary.OperatorMethod, syntax, checker);
            case IBinaryOperation binary:
                return Member(binary.OperatorMethod ?? DelegateOperator(binary.OperatorKind, binary.LeftOperand, binary.RightOperand),
                    syntax, checker);
            case ICompoundAssignmentOperation compound:
                return Member(compound.OperatorMethod ?? DelegateOperator(compound.OperatorKind, compound.Target, compound.Value), syntax, checker)
                    ?? Member(compound.InConversion.MethodSymbol, syntax, checker)
                    ?? Member(compound.OutConversion.MethodSymbol, syntax, checker);
            case IIncrementOrDecrementOperation increment:
                return Member(increment.OperatorMethod, syntax, checker);
            case IConversionOperation conversion:
                // An implicit conversion converts to the type of what receives the value (a declared variable, parameter
                // or return, each checked where declared); an explicit one names its type here.
                return Member(conversion.OperatorMethod, syntax, checker) ?? (conversion.IsImplicit ? null : Type(conversion.Type, syntax, checker));
            case IForEachLoopOperation loop:
                return ForEach(loop, checker);
            case IDeconstructionAssignmentOperation deconstruction when syntax is AssignmentExpressionSyntax assignment:
                return Deconstruction(operation.SemanticModel!.GetDeconstructionInfo(assignment), syntax, checker);
            case IRecursivePatternOperation recursive:
                return Member(recursive.DeconstructSymbol, syntax, checker) ?? Type(recursive.MatchedType, syntax, checker);
            case IDeclarationPatternOperation declaration:
                return Type(declaration.MatchedType, syntax, checker);
            case ITypePatternOperation typePattern:
                return Type(typePattern.MatchedType, syntax, checker);
            case IListPatternOperation list:
                return Member(list.LengthSymbol, syntax, checker) ?? Member(list.IndexerSymbol, syntax, checker);
            case ISlicePatternOperation slice:
                return Member(slice.SliceSymbol, syntax, checker);
            case IImplicitIndexerReferenceOperation indexer:
                return Member(indexer.LengthSymbol, syntax, checker) ?? Member(indexer.IndexerSymbol, syntax, checker);
            case IRangeOperation range:
                return Member(range.Method, syntax, checker);
            case IWithOperation with:
                return Member(with.CloneMethod, syntax, checker) ?? Type(operation.Type, syntax, checker);
            case ICollectionExpressionOperation collection:
                return Member(collection.ConstructMethod, syntax, checker) ?? Type(operation.Type, syntax, checker);
            case IVariableDeclaratorOperation declarator:
                return Type(declarator.Symbol.Type, syntax, checker, FromDeclaration, DeclaredTypeLocation(declarator));
            case ILocalReferenceOperation { IsDeclaration: true } local:
                return Type(local.Local.Type, syntax, checker, FromDeclaration);
            case IAnonymousFunctionOperation lambda:
                return Signature(lambda.Symbol, syntax, checker);
            case ILocalFunctionOperation function:
                return Signature(function.Symbol, syntax is LocalFunctionStatementSyntax statement ? statement.Identifier.GetLocation() : syntax.GetLocation(),
                    syntax, checker);
            case ICatchClauseOperation @catch:
                return Type(@catch.ExceptionType, syntax is CatchClauseSyntax { Declaration: { } declared } ? declared.Type : syntax, checker);
            case IIsTypeOperation isType:
                return Type(isType.TypeOperand, syntax, checker);
            case ITypeOfOperation typeOf:
                return Type(operation.Type, syntax, checker) ?? Type(typeOf.TypeOperand, syntax, checker);
            case ISizeOfOperation sizeOf:
                return Type(sizeOf.TypeOperand, syntax, checker);
            case IUsingOperation or IUsingDeclarationOperation:
                return Dispose(operation, checker);
            case ILocalReferenceOperation or IParameterReferenceOperation or IInstanceReferenceOperation:
                // Their types were checked where they were declared.
                return null;
            default:
                return Type(operation.Type, syntax, checker);
        }
    }

    /// <summary>The handler constructor and Append calls the compiler writes for <c>$"..."</c> passed to a handler
    /// parameter (<c>string.Create(provider, $"...")</c>): the method taking the handler names its type and is checked;
    /// the holes are explicit operations and are checked; the lowering between them is the compiler's.</summary>
    private static bool IsInterpolationLowering(IOperation operation) =>
        operation.IsImplicit && operation.Parent is IInterpolatedStringHandlerCreationOperation or IInterpolatedStringAppendOperation;

    /// <summary>The value an allowed member hands back: checked for a library member (its type arguments may make it
    /// forbidden) and for what the compiler declared for the learner (a record's <c>EqualityContract</c> is a
    /// <c>System.Type</c>), not for what the learner declared (its declaration was checked).</summary>
    private static Finding? Result(ISymbol member, IOperation operation, AllowlistChecker checker) =>
        checker.IsOwn(member) && !member.IsImplicitlyDeclared ? null : Type(operation.Type, operation.Syntax, checker);

    /// <summary>A receiver-only member (<c>Console.Error</c>) used as it may be: the instance of a call to an allowed
    /// member of its own type or of <c>object</c> (<c>Console.Error.WriteLine(...)</c>), not stored, passed, converted or
    /// disposed.</summary>
    private static bool IsReceiverOfAllowedCall(IMemberReferenceOperation reference, AllowlistChecker checker) =>
        checker.IsReceiverOnly(reference.Member)
        && reference.Parent is IInvocationOperation { Instance: { } instance } call && instance == reference
        && checker.CheckMember(call.TargetMethod) is null
        && AllowlistChecker.Overridden(call.TargetMethod).ContainingType is { } declaring
        && (SymbolEqualityComparer.Default.Equals(declaring, reference.Type) || declaring.SpecialType == SpecialType.System_Object);

    /// <summary>The value a call is made on: its instance, or the first argument of an extension method.</summary>
    private static IOperation? Receiver(IInvocationOperation invocation) =>
        invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0
            ? Unwrap(invocation.Arguments[0].Value) : null);

    /// <summary>An argument (or an argument's implicit conversion, lambda or default) of a call or creation whose
    /// target is forbidden: the call was reported, its arguments are part of it.</summary>
    private static bool IsArgumentOfForbiddenCall(IOperation operation, AllowlistChecker checker)
    {
        var current = operation;
        while (current.Parent is IConversionOperation { IsImplicit: true } or IDelegateCreationOperation)
        {
            current = current.Parent;
        }

        return current.Parent is IArgumentOperation { Parent: { } call } argument
            && call switch
            {
                // The receiver of an extension method is where the value came from, not part of the call.
                IInvocationOperation { TargetMethod.IsExtensionMethod: true } when argument.Parameter?.Ordinal == 0 => false,
                IInvocationOperation invocation => checker.CheckMember(invocation.TargetMethod) is not null,
                IObjectCreationOperation creation => checker.CheckMember(creation.Constructor) is not null,
                _ => false,
            };
    }

    private static IOperation Unwrap(IOperation operation) =>
        operation is IConversionOperation { IsImplicit: true } conversion ? Unwrap(conversion.Operand) : operation;

    /// <summary><c>a.M()</c> where the type of <c>a</c> is forbidden: <c>a</c> was reported where it came from.</summary>
    private static bool ReceiverIsForbidden(IOperation? receiver, AllowlistChecker checker) =>
        receiver is { IsImplicit: false } && checker.CheckType(receiver.Type) is not null;

    private static Finding? Member(ISymbol? member, SyntaxNode syntax, AllowlistChecker checker) =>
        checker.CheckMember(member) is { } forbidden ? new Finding(syntax, syntax.GetLocation(), forbidden, FromExpression) : null;

    private static Finding? Type(ITypeSymbol? type, SyntaxNode syntax, AllowlistChecker checker, int priority = FromExpression,
        Location? location = null) =>
        checker.CheckType(type) is { } forbidden ? new Finding(syntax, location ?? syntax.GetLocation(), forbidden, priority) : null;

    /// <summary>A lambda's or local function's parameters and return type.</summary>
    private static Finding? Signature(IMethodSymbol method, SyntaxNode syntax, AllowlistChecker checker) =>
        Signature(method, syntax.GetLocation(), syntax, checker);

    private static Finding? Signature(IMethodSymbol method, Location location, SyntaxNode syntax, AllowlistChecker checker)
    {
        var types = method.Parameters.Select(p => p.Type).Append(method.ReturnType)
            .Concat(method.TypeParameters.SelectMany(t => t.ConstraintTypes));
        foreach (var type in types)
        {
            if (checker.CheckType(type) is { } forbidden)
            {
                return new Finding(syntax, location, forbidden, FromDeclaration);
            }
        }

        return null;
    }

    /// <summary>The members foreach calls: GetEnumerator, MoveNext, Current, Dispose (and Deconstruct for
    /// <c>foreach (var (a, b) in ...)</c>).</summary>
    private static Finding? ForEach(IForEachLoopOperation loop, AllowlistChecker checker)
    {
        if (loop.Syntax is not CommonForEachStatementSyntax statement)
        {
            return null;
        }

        var model = loop.SemanticModel!;
        var info = model.GetForEachStatementInfo(statement);
        var where = statement.Expression;

        // Over an array the compiler indexes it (ldelem, or the array's own bounds for a multi-dimensional one): the
        // IEnumerable.GetEnumerator that the semantic model names is never called, and the image has no call to it.
        var enumerates = model.GetTypeInfo(statement.Expression).Type is not IArrayTypeSymbol;
        var found = (enumerates
                ? Member(info.GetEnumeratorMethod, where, checker) ?? Type(info.GetEnumeratorMethod?.ReturnType, where, checker)
                    ?? Member(info.MoveNextMethod, where, checker) ?? Member(info.CurrentProperty, where, checker)
                    ?? Member(info.DisposeMethod, where, checker)
                : null)
            ?? Member(info.CurrentConversion.MethodSymbol, where, checker)
            ?? Member(info.ElementConversion.MethodSymbol, where, checker);
        return found ?? (statement is ForEachVariableStatementSyntax variables
            ? Deconstruction(model.GetDeconstructionInfo(variables), statement.Expression, checker) : null);
    }

    private static Finding? Deconstruction(DeconstructionInfo info, SyntaxNode syntax, AllowlistChecker checker)
    {
        var found = Member(info.Method, syntax, checker) ?? Member(info.Conversion?.MethodSymbol, syntax, checker);
        foreach (var nested in info.Nested)
        {
            found ??= Deconstruction(nested, syntax, checker);
        }

        return found;
    }

    /// <summary>The Dispose a using statement or declaration calls on each resource.</summary>
    private static Finding? Dispose(IOperation operation, AllowlistChecker checker)
    {
        var resources = operation switch
        {
            IUsingOperation @using => [@using.Resources],
            IUsingDeclarationOperation declaration => new IOperation[] { declaration.DeclarationGroup },
            _ => [],
        };
        foreach (var type in resources.SelectMany(ResourceTypes))
        {
            var dispose = type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_IDisposable)
                ? null
                : type.GetMembers("Dispose").OfType<IMethodSymbol>().FirstOrDefault(m => m.Parameters.IsEmpty);
            if (Member(dispose, operation.Syntax, checker) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static IEnumerable<ITypeSymbol> ResourceTypes(IOperation resources) => resources switch
    {
        IVariableDeclarationGroupOperation group => group.Declarations.SelectMany(d => d.Declarators).Select(d => d.Symbol.Type),
        { Type: { } type } => [type],
        _ => [],
    };

    /// <summary>Delegate <c>+</c>, <c>-</c>, <c>==</c>, <c>!=</c> (and <c>+=</c>, <c>-=</c>): built into the language, compiled
    /// to calls of System.Delegate's Combine, Remove and operators, which are not allowed.</summary>
    private static ISymbol? DelegateOperator(BinaryOperatorKind kind, IOperation left, IOperation right)
    {
        if (left.Type?.TypeKind != TypeKind.Delegate && right.Type?.TypeKind != TypeKind.Delegate)
        {
            return null;
        }

        var name = kind switch
        {
            BinaryOperatorKind.Add => "Combine",
            BinaryOperatorKind.Subtract => "Remove",
            BinaryOperatorKind.Equals => "op_Equality",
            BinaryOperatorKind.NotEquals => "op_Inequality",
            _ => null,
        };
        var @delegate = left.SemanticModel?.Compilation.GetSpecialType(SpecialType.System_Delegate);
        return name is null || @delegate is null ? null
            : @delegate.GetMembers(name).OfType<IMethodSymbol>().FirstOrDefault(m => m.Parameters.Length == 2);
    }

    /// <summary>Where a call is reported: its name (<c>Environment.Exit</c>), not its arguments.</summary>
    private static SyntaxNode CalleeSyntax(SyntaxNode syntax) => syntax is InvocationExpressionSyntax invocation ? invocation.Expression : syntax;

    /// <summary>Where a local's type is reported: the type written in its declaration, or its name after <c>var</c>.</summary>
    private static Location DeclaredTypeLocation(IVariableDeclaratorOperation declarator) => declarator.Syntax switch
    {
        VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Type: { IsVar: false } type } } => type.GetLocation(),
        VariableDeclaratorSyntax named => named.Identifier.GetLocation(),
        _ => declarator.Syntax.GetLocation(),
    };
}
