using MemKata.Analyzers.Allowlist;
using MemKata.Analyzers.Internal;
using MemKata.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MemKata.Analyzers.Tests.Allowlist;

// Walks every member the allowlist allows, in the .NET reference assemblies and MemKata.Contracts (read as metadata by
// Roslyn, nothing loaded), and fails if one could hand learner code a way out of the list. The rule:
//
//   An allowed member may neither return nor accept (as a parameter, by value or by reference, in an array or as a type
//   argument of what it returns or accepts) System.Type, a System.Reflection.MemberInfo (MethodInfo, FieldInfo...), the
//   non-generic System.Delegate or System.MulticastDelegate, a pointer or function pointer, or IntPtr/UIntPtr outside
//   arithmetic (the numeric types, Math, BitOperations, BitConverter, Convert, Buffer, spans' lengths are not handles).
//   It may not return object (or object[]) unless reviewed below: object is the channel through which a Type or a
//   Delegate could leave the list and come back. Accepting object is fine: it can only receive what learner code
//   already holds, and everything learner code holds was checked.
//
// Reviewed object-returning members (and why each cannot carry a Type or Delegate learner code did not already have):
// see ReviewedObjectReturns.
public class AllowedSurfaceTests
{
    private static readonly HashSet<string> ReviewedObjectReturns =
    [
        "M:System.Array.Clone", // a copy of its receiver, an array learner code already holds
    ];

    private static readonly HashSet<string> ArithmeticTypes =
    [
        "System.IntPtr", "System.UIntPtr", "System.Math", "System.MathF", "System.Numerics.BitOperations", "System.BitConverter",
        "System.Convert", "System.Buffer", "System.Int32", "System.UInt32", "System.Int64", "System.UInt64", "System.Int16",
        "System.UInt16", "System.Byte", "System.SByte", "System.Char", "System.Int128", "System.UInt128", "System.Half",
        "System.Single", "System.Double", "System.Decimal", "System.Boolean", "System.Random", "System.HashCode",
        "System.Buffers.Binary.BinaryPrimitives",
    ];

    [Test]
    public void No_allowed_member_hands_out_or_takes_a_way_around_the_list()
    {
        var problems = AllowedMembers().SelectMany(Problems).Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void The_walk_sees_the_allowed_surface()
    {
        var members = AllowedMembers().Select(m => SymbolApiNames.Of(m)!.DocumentationId).ToHashSet();

        Assert.That(members, Does.Contain("M:System.Collections.Generic.List`1.Add(`0)")
            .And.Contain("M:System.Math.Max(System.Int32,System.Int32)")
            .And.Contain("M:System.Console.WriteLine(System.String)")
            .And.Contain("M:MemKata.Contracts.IProcessMemory.ReadWord(System.UInt64)")
            .And.Not.Contain("M:System.Object.GetType"));
    }

    private static IEnumerable<ISymbol> AllowedMembers()
    {
        var compilation = CSharpCompilation.Create("Walk", references: LearnerSources.References);
        var allowlist = ApiAllowlist.Default;
        var memberEntryTypes = allowlist.Entries.Where(e => e.Keyword == AllowlistKeyword.Allow && e.Member is not null)
            .Select(e => e.TypeId).ToHashSet(StringComparer.Ordinal);
        var assemblies = compilation.References.Select(compilation.GetAssemblyOrModuleSymbol).OfType<IAssemblySymbol>()
            .Where(a => allowlist.Assemblies.Contains(a.Name));
        foreach (var type in assemblies.SelectMany(a => Types(a.GlobalNamespace)))
        {
            var name = SymbolApiNames.Of(type);
            if (name is null || !(allowlist.IsAllowed(name) || memberEntryTypes.Contains(name.TypeId)))
            {
                continue;
            }

            foreach (var member in type.GetMembers())
            {
                if (member is INamedTypeSymbol || member.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Protected
                        or Accessibility.ProtectedOrInternal) || member is IMethodSymbol { AssociatedSymbol: not null })
                {
                    continue;
                }

                if (SymbolApiNames.Of(member) is { } memberName && allowlist.IsAllowed(memberName))
                {
                    yield return member;
                }
            }
        }
    }

    private static IEnumerable<INamedTypeSymbol> Types(INamespaceOrTypeSymbol container)
    {
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceSymbol ns)
            {
                foreach (var type in Types(ns))
                {
                    yield return type;
                }
            }
            else if (member is INamedTypeSymbol { DeclaredAccessibility: Accessibility.Public } type)
            {
                yield return type;
                foreach (var nested in Types(type))
                {
                    yield return nested;
                }
            }
        }
    }

    private static IEnumerable<string> Problems(ISymbol member)
    {
        var id = SymbolApiNames.Of(member)!.DocumentationId;
        var (returned, accepted) = member switch
        {
            IMethodSymbol method => (method.MethodKind == MethodKind.Constructor ? null : method.ReturnType, method.Parameters.Select(p => p.Type)),
            IPropertySymbol property => (property.Type, property.Parameters.Select(p => p.Type)),
            IFieldSymbol field => (field.Type, Enumerable.Empty<ITypeSymbol>()),
            IEventSymbol @event => (@event.Type, Enumerable.Empty<ITypeSymbol>()),
            _ => ((ITypeSymbol?)null, Enumerable.Empty<ITypeSymbol>()),
        };
        var container = member.ContainingType.ToDisplayString();
        if (member.ContainingType.TypeKind == TypeKind.Delegate && member is IMethodSymbol { MethodKind: MethodKind.Constructor })
        {
            // A delegate's (object, IntPtr) constructor: C# cannot call it, only the compiler, for a lambda.
            yield break;
        }

        if (returned is not null && (Forbidden(returned, container) ?? ObjectReturn(returned, id)) is { } back)
        {
            yield return $"{id} returns {back}";
        }

        foreach (var parameter in accepted)
        {
            if (Forbidden(parameter, container) is { } taken)
            {
                yield return $"{id} accepts {taken}";
            }
        }
    }

    /// <summary>What in <paramref name="type"/> breaks the rule, or null.</summary>
    private static string? Forbidden(ITypeSymbol type, string container)
    {
        switch (type)
        {
            case IPointerTypeSymbol or IFunctionPointerTypeSymbol:
                return "a pointer (" + type.ToDisplayString() + ")";
            case IArrayTypeSymbol array:
                return Forbidden(array.ElementType, container);
            case INamedTypeSymbol named:
                var name = named.OriginalDefinition.ToDisplayString();
                if (name is "System.Type" or "System.Delegate" or "System.MulticastDelegate" || DerivesFrom(named, "System.Reflection.MemberInfo"))
                {
                    return name;
                }

                if (name is "System.IntPtr" or "System.UIntPtr" && !ArithmeticTypes.Contains(container.Split('<')[0]))
                {
                    return name;
                }

                return named.TypeArguments.Select(t => Forbidden(t, container)).FirstOrDefault(f => f is not null);
            default:
                return null;
        }
    }

    private static string? ObjectReturn(ITypeSymbol type, string id)
    {
        var element = type is IArrayTypeSymbol array ? array.ElementType : type;
        return element.SpecialType == SpecialType.System_Object && !ReviewedObjectReturns.Contains(id) ? "object" : null;
    }

    private static bool DerivesFrom(INamedTypeSymbol type, string baseName)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.ToDisplayString() == baseName)
            {
                return true;
            }
        }

        return false;
    }
}
