using System.Collections.Concurrent;
using MemKata.Analyzers.Allowlist;
using Microsoft.CodeAnalysis;

namespace MemKata.Analyzers.Internal;

/// <summary>
/// Decides, for one compilation, whether learner code may use a type or a member: the learner's own symbols always,
/// anything else only if <see cref="ApiAllowlist"/> allows it, type arguments included (<c>List&lt;Thread&gt;</c> is
/// <c>Thread</c>). Answers are cached per symbol. Each check returns the first symbol that is not allowed, or null.
/// </summary>
internal sealed class AllowlistChecker(Compilation compilation, ApiAllowlist allowlist)
{
    private readonly ConcurrentDictionary<ISymbol, bool> _allowed = new(SymbolEqualityComparer.Default);

    /// <summary>The allowlist asked.</summary>
    public ApiAllowlist Allowlist => allowlist;

    /// <summary>The first type within <paramref name="type"/> (itself, an element type, a type argument) that is not
    /// allowed. Pointers and <c>dynamic</c> are MK0006's and pass here.</summary>
    public ISymbol? CheckType(ITypeSymbol? type)
    {
        switch (type)
        {
            case null or ITypeParameterSymbol or IPointerTypeSymbol or IFunctionPointerTypeSymbol:
                return null;
            case IArrayTypeSymbol array:
                return CheckType(array.ElementType);
            case INamedTypeSymbol named when named.TypeKind is TypeKind.Error:
                return null;
            case INamedTypeSymbol named:
                if (!IsOwn(named) && !IsAllowed(named.OriginalDefinition))
                {
                    return named.OriginalDefinition;
                }

                return CheckTypeArguments(named);
            default:
                return type.TypeKind == TypeKind.Dynamic ? null : type;
        }
    }

    /// <summary>The member itself if it is not allowed, else the first type argument (of the member or of its
    /// containing type) that is not. A reduced extension method is checked as its definition; an override as the member
    /// it overrides, which is what the compiled code calls.</summary>
    public ISymbol? CheckMember(ISymbol? member)
    {
        if (member is null)
        {
            return null;
        }

        if (member is IMethodSymbol { ReducedFrom: { } reducedFrom } reduced)
        {
            return CheckMember(reducedFrom) ?? CheckTypeArguments(reduced.TypeArguments);
        }

        if (member is IFieldSymbol { CorrespondingTupleField: { } tupleField } named && !SymbolEqualityComparer.Default.Equals(tupleField, named))
        {
            // (int a, int b) pair; pair.a is pair.Item1.
            return CheckMember(tupleField);
        }

        if (member is IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction } local)
        {
            return CheckTypeArguments(local.TypeArguments);
        }

        if (!IsOwn(member))
        {
            var definition = LeastDerived(member.OriginalDefinition);
            if (!IsAllowed(definition))
            {
                return definition;
            }
        }

        var forbidden = member is IMethodSymbol method ? CheckTypeArguments(method.TypeArguments) : null;
        return forbidden ?? (member.ContainingType is { } container ? CheckTypeArguments(container) : null);
    }

    /// <summary>True if <paramref name="member"/> may be used only as the receiver of a call to an allowed member (a
    /// <c>receiver</c> entry: <c>Console.Error</c>).</summary>
    public bool IsReceiverOnly(ISymbol member) =>
        !IsOwn(member) && SymbolApiNames.Of(member.OriginalDefinition) is { } name && allowlist.IsReceiverOnly(name);

    /// <summary>The member a call or an override of <paramref name="member"/> reaches in the end: the least derived
    /// declaration it overrides.</summary>
    public static ISymbol Overridden(ISymbol member) => LeastDerived(member.OriginalDefinition);

    /// <summary>True if <paramref name="symbol"/> is declared in the compilation being analyzed (learner code).</summary>
    public bool IsOwn(ISymbol symbol) => SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, compilation.Assembly);

    private ISymbol? CheckTypeArguments(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            var forbidden = CheckTypeArguments(current.TypeArguments);
            if (forbidden is not null)
            {
                return forbidden;
            }
        }

        return null;
    }

    private ISymbol? CheckTypeArguments(System.Collections.Immutable.ImmutableArray<ITypeSymbol> arguments)
    {
        foreach (var argument in arguments)
        {
            var forbidden = CheckType(argument);
            if (forbidden is not null)
            {
                return forbidden;
            }
        }

        return null;
    }

    private bool IsAllowed(ISymbol definition) => _allowed.GetOrAdd(definition, symbol =>
        SymbolApiNames.Of(symbol) is { } name && allowlist.IsAllowed(name));

    private static ISymbol LeastDerived(ISymbol member)
    {
        while (true)
        {
            ISymbol? overridden = member switch
            {
                IMethodSymbol { IsOverride: true } method => method.OverriddenMethod,
                IPropertySymbol { IsOverride: true } property => property.OverriddenProperty,
                IEventSymbol { IsOverride: true } @event => @event.OverriddenEvent,
                _ => null,
            };
            if (overridden is null)
            {
                return member;
            }

            member = overridden.OriginalDefinition;
        }
    }
}
