using Microsoft.CodeAnalysis;

namespace MemKata.Analyzers.Internal;

/// <summary>The MemKata contracts a learner implements, found by metadata name (the analyzers reference no MemKata
/// assembly).</summary>
internal static class ComponentTypes
{
    /// <summary>The allocator contract learners implement.</summary>
    public const string AllocatorMetadataName = "MemKata.Contracts.IAllocator";

    /// <summary>True if <paramref name="type"/>, or a type it is nested in, implements <paramref name="contract"/>.</summary>
    public static bool ImplementsOrIsNestedInImplementer(INamedTypeSymbol? type, INamedTypeSymbol contract)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            foreach (var implemented in current.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, contract))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
