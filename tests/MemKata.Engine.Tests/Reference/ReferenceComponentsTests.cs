using System.Reflection;
using MemKata.Contracts.Kernel;
using MemKata.Engine.Reference;

namespace MemKata.Engine.Tests.Reference;

// The reference components are written as a learner's must be: against MemKata.Contracts only, so that the one copy in
// the engine is also the kernel exercises' reference solution (laid out as a submission by the grader).
public class ReferenceComponentsTests
{
    [TestCase(typeof(ReferencePageFaultHandler), typeof(IPageFaultHandler))]
    [TestCase(typeof(ReferenceReclaimPolicy), typeof(IReclaimPolicy))]
    public void A_reference_component_uses_nothing_of_the_engine(Type component, Type contract)
    {
        Assert.That(component.GetInterfaces(), Is.EqualTo(new[] { contract }));
        var members = component.GetMembers(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly);
        var engineTypes = members
            .SelectMany(TypesNamedBy)
            .Where(t => t.Assembly == component.Assembly && t != component)
            .Distinct()
            .ToList();

        Assert.That(engineTypes, Is.Empty, $"{component.Name} must use MemKata.Contracts only");
    }

    [TestCase("ReferencePageFaultHandler.cs")]
    [TestCase("ReferenceReclaimPolicy.cs")]
    public void Its_source_imports_the_contracts_only(string file)
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", "..", "src", "MemKata.Engine", "Reference", file);
        var usings = File.ReadLines(path).Where(l => l.StartsWith("using ", StringComparison.Ordinal)).ToList();

        Assert.That(usings, Is.Not.Empty.And.All.StartsWith("using MemKata.Contracts").Or.StartsWith("using System"));
    }

    private static IEnumerable<Type> TypesNamedBy(MemberInfo member) => member switch
    {
        FieldInfo f => [f.FieldType],
        PropertyInfo p => [p.PropertyType],
        MethodInfo m => [m.ReturnType, .. m.GetParameters().Select(p => p.ParameterType), .. m.GetMethodBody()?.LocalVariables.Select(v => v.LocalType) ?? []],
        ConstructorInfo c => [.. c.GetParameters().Select(p => p.ParameterType)],
        _ => [],
    };
}
