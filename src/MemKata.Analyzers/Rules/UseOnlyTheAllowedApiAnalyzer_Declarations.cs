using System.Collections.Generic;
using System.Linq;
using MemKata.Analyzers.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MemKata.Analyzers.Rules;

// What each declared symbol of learner code uses: the types in its signature, its base types and constraints, its
// attributes, the library member it overrides, and the base constructor its compiler-written constructor calls.
public sealed partial class UseOnlyTheAllowedApiAnalyzer
{
    private static void AnalyzeDeclaration(SymbolAnalysisContext context, AllowlistChecker checker)
    {
        var symbol = context.Symbol;
        if (symbol.IsImplicitlyDeclared || symbol.Locations.Length == 0 || symbol.Locations[0].SourceTree is not { } tree
            || !LearnerCode.IsLearnerCode(context.Options, tree) || IsAccessor(symbol))
        {
            return;
        }

        var findings = new List<Finding>();
        var node = symbol.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(context.CancellationToken) ?? tree.GetRoot(context.CancellationToken);
        foreach (var (type, location) in DeclaredTypes(symbol, context.CancellationToken))
        {
            if (checker.CheckType(type) is { } forbidden)
            {
                findings.Add(new Finding(node, location, forbidden, FromDeclaration));
            }
        }

        var at = symbol.Locations[0];
        if ((Overridden(symbol) ?? ImplicitBaseConstructor(symbol, checker)) is { } used && checker.CheckMember(used) is { } forbiddenUse)
        {
            findings.Add(new Finding(node, symbol is INamedTypeSymbol type ? BaseListLocation(type, type.BaseType!, context.CancellationToken) ?? at : at,
                forbiddenUse, FromDeclaration));
        }

        foreach (var attribute in Attributes(symbol))
        {
            if (attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is { } applied
                && (checker.CheckMember(attribute.AttributeConstructor) ?? checker.CheckType(attribute.AttributeClass)) is { } forbidden)
            {
                findings.Add(new Finding(applied, applied.GetLocation(), forbidden, FromExpression));
            }
        }

        Report(context.ReportDiagnostic, findings, checker.Allowlist);
    }

    /// <summary>The types a declaration names, each with where it is reported: where the declaration writes the type (a
    /// base list entry, a return, parameter, field or property type), else at the declared name.</summary>
    private static IEnumerable<(ITypeSymbol Type, Location Location)> DeclaredTypes(ISymbol symbol,
        System.Threading.CancellationToken cancellationToken)
    {
        var at = symbol.Locations[0];
        switch (symbol)
        {
            case INamedTypeSymbol type:
                // A delegate's base type is the language's (MK0006 reports delegate declarations).
                var bases = type.TypeKind is TypeKind.Class && type.BaseType is { } baseType ? [baseType] : new ITypeSymbol[0];
                foreach (var declared in bases.Concat(type.Interfaces))
                {
                    yield return (declared, BaseListLocation(type, declared, cancellationToken) ?? at);
                }

                foreach (var constraint in type.TypeParameters.SelectMany(t => t.ConstraintTypes))
                {
                    yield return (constraint, ConstraintLocation(symbol, constraint, cancellationToken) ?? at);
                }

                break;
            case IMethodSymbol method:
                yield return (method.ReturnType, WrittenType(symbol, cancellationToken) ?? at);
                foreach (var parameter in method.Parameters)
                {
                    yield return (parameter.Type, WrittenType(parameter, cancellationToken) ?? parameter.Locations.FirstOrDefault() ?? at);
                }

                foreach (var constraint in method.TypeParameters.SelectMany(t => t.ConstraintTypes))
                {
                    yield return (constraint, ConstraintLocation(symbol, constraint, cancellationToken) ?? at);
                }

                break;
            case IPropertySymbol property:
                yield return (property.Type, WrittenType(symbol, cancellationToken) ?? at);
                foreach (var parameter in property.Parameters)
                {
                    yield return (parameter.Type, WrittenType(parameter, cancellationToken) ?? parameter.Locations.FirstOrDefault() ?? at);
                }

                break;
            case IFieldSymbol or IEventSymbol:
                yield return (symbol is IFieldSymbol field ? field.Type : ((IEventSymbol)symbol).Type, WrittenType(symbol, cancellationToken) ?? at);
                break;
        }
    }

    /// <summary>The member an override replaces: the grader's calls of it (an exception's <c>StackTrace</c>) would run
    /// learner code, so overriding is using.</summary>
    private static ISymbol? Overridden(ISymbol symbol) => symbol switch
    {
        IMethodSymbol { IsOverride: true, OverriddenMethod: { } method } => method,
        IPropertySymbol { IsOverride: true, OverriddenProperty: { } property } => property,
        IEventSymbol { IsOverride: true, OverriddenEvent: { } @event } => @event,
        _ => null,
    };

    /// <summary>The library constructor that a constructor calls without naming it: a class with no constructor of its
    /// own calls its base's parameterless one, and so do a primary constructor whose base has no argument list and a
    /// constructor without <c>: base(...)</c> or <c>: this(...)</c>
    /// (<c>class W : TextWriter { }</c> calls a constructor that is not allowed). Not looked for when the base type itself
    /// is not allowed: that is reported already.</summary>
    private static IMethodSymbol? ImplicitBaseConstructor(ISymbol symbol, AllowlistChecker checker)
    {
        var (type, implicitCall) = symbol switch
        {
            INamedTypeSymbol { TypeKind: TypeKind.Class } named => (named, named.InstanceConstructors.Any(c => c.IsImplicitlyDeclared
                || c.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is TypeDeclarationSyntax { BaseList: var list }
                    && list?.Types.FirstOrDefault() is not PrimaryConstructorBaseTypeSyntax))),
            IMethodSymbol { MethodKind: MethodKind.Constructor, IsStatic: false, ContainingType: { TypeKind: TypeKind.Class } owner } constructor =>
                (owner, constructor.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is ConstructorDeclarationSyntax { Initializer: null })),
            _ => (null, false),
        };
        return implicitCall && type?.BaseType is { } baseType && checker.CheckType(baseType) is null
            ? baseType.InstanceConstructors.OrderBy(c => c.Parameters.Length).FirstOrDefault(c => c.Parameters.All(p => p.IsOptional || p.IsParams))
            : null;
    }

    /// <summary>Every attribute applied to the symbol, its return value, its parameters and its type parameters.</summary>
    private static IEnumerable<AttributeData> Attributes(ISymbol symbol)
    {
        var attributes = symbol.GetAttributes().AsEnumerable();
        switch (symbol)
        {
            case IMethodSymbol method:
                attributes = attributes.Concat(method.GetReturnTypeAttributes())
                    .Concat(method.Parameters.SelectMany(p => p.GetAttributes()))
                    .Concat(method.TypeParameters.SelectMany(t => t.GetAttributes()));
                break;
            case IPropertySymbol property:
                attributes = attributes.Concat(property.Parameters.SelectMany(p => p.GetAttributes()));
                break;
            case INamedTypeSymbol type:
                attributes = attributes.Concat(type.TypeParameters.SelectMany(t => t.GetAttributes()));
                break;
        }

        return attributes;
    }

    /// <summary>Where the base list names <paramref name="declared"/> (found by its simple name: the decision was made on
    /// the symbol; this only places the diagnostic).</summary>
    private static Location? BaseListLocation(INamedTypeSymbol type, ITypeSymbol declared,
        System.Threading.CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is BaseTypeDeclarationSyntax { BaseList: { } baseList })
            {
                var written = baseList.Types.FirstOrDefault(t => SimpleName(t.Type) == declared.Name);
                if (written is not null)
                {
                    return written.GetLocation();
                }
            }
        }

        return null;
    }

    /// <summary>Where a <c>where</c> clause names <paramref name="constraint"/> (by its simple name, as for base lists).</summary>
    private static Location? ConstraintLocation(ISymbol symbol, ITypeSymbol constraint, System.Threading.CancellationToken cancellationToken)
    {
        var clauses = symbol.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) switch
        {
            MethodDeclarationSyntax method => method.ConstraintClauses,
            TypeDeclarationSyntax type => type.ConstraintClauses,
            _ => default,
        };
        return clauses.SelectMany(c => c.Constraints).OfType<TypeConstraintSyntax>()
            .FirstOrDefault(c => SimpleName(c.Type) == constraint.Name)?.GetLocation();
    }

    /// <summary>The type syntax a declaration writes for its (return) type, or null (a record's positional property).</summary>
    private static Location? WrittenType(ISymbol symbol, System.Threading.CancellationToken cancellationToken)
    {
        var type = symbol.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) switch
        {
            MethodDeclarationSyntax method => method.ReturnType,
            OperatorDeclarationSyntax @operator => @operator.ReturnType,
            ConversionOperatorDeclarationSyntax conversion => conversion.Type,
            BasePropertyDeclarationSyntax property => property.Type,
            ParameterSyntax parameter => parameter.Type,
            VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } => declaration.Type,
            _ => null,
        };
        return type?.GetLocation();
    }

    private static string SimpleName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => SimpleName(qualified.Right),
        AliasQualifiedNameSyntax alias => SimpleName(alias.Name),
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => type.ToString(),
    };

    private static bool IsAccessor(ISymbol symbol) => symbol is IMethodSymbol
    {
        MethodKind: MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove
            or MethodKind.EventRaise,
    };
}
