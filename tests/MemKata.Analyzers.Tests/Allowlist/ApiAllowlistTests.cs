using MemKata.Analyzers.Allowlist;

namespace MemKata.Analyzers.Tests.Allowlist;

// How an allowlist reads and decides: entry forms, deny winning, accessors as their properties, image scopes, advice,
// and the embedded file itself (every entry has a reason, the header's forms are the ones used).
public class ApiAllowlistTests
{
    private const string Sample = """
        # a comment
        assembly System.Runtime                 primitives
        allow T:System.Math                     arithmetic
        allow T:System.Collections.Generic.*    collections
        allow M:System.Console.WriteLine(*)     prints
        receiver P:System.Console.Error         prints, only as a receiver
        allow T:System.Exception                throwing
        deny  P:System.Exception.StackTrace     who called
        allow M:System.Enum.GetValues``1        by type argument
        type  T:System.IFormatProvider          passed on
        allow T:System.Object                   everything derives from it
        deny  M:System.Object.GetType           reflection
        image M:System.Type.GetTypeFromHandle(System.RuntimeTypeHandle) records  typeof in EqualityContract
        image T:System.Runtime.CompilerServices.DefaultInterpolatedStringHandler by-address  interpolation
        image T:System.Runtime.CompilerServices.NullableAttribute embedded  nullable metadata
        advice *                                use something allowed
        advice System.IO.                       keep data in fields
        advice System.IO.File.                  no files
        """;

    private static readonly ApiAllowlist List = ApiAllowlist.Parse(Sample);

    private static ApiName Type(string ns, params string[] path) => new(ns, path);

    private static ApiName Member(char kind, string ns, string type, string member, string signature = "", int arity = 0) =>
        new(kind, ns, [.. type.Split('.')], member, arity, signature);

    [Test]
    public void A_type_entry_allows_the_type_its_members_and_its_nested_types()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(List.IsAllowed(Type("System", "Math")), Is.True);
            Assert.That(List.IsAllowed(Member('M', "System", "Math", "Max", "(System.Int32,System.Int32)")), Is.True);
            Assert.That(List.IsAllowed(Type("System", "MathF")), Is.False);
        }
    }

    [Test]
    public void A_namespace_entry_allows_its_types_but_not_the_namespaces_below()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(List.IsAllowed(Type("System.Collections.Generic", "List`1", "Enumerator")), Is.True);
            Assert.That(List.IsAllowed(Member('M', "System.Collections.Generic", "List`1", "Add", "(`0)")), Is.True);
            Assert.That(List.IsAllowed(Type("System.Collections.Generic.Hidden", "Thing")), Is.False);
        }
    }

    [Test]
    public void A_member_entry_allows_its_overloads_or_exactly_one()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(List.IsAllowed(Member('M', "System", "Console", "WriteLine", "(System.String)")), Is.True);
            Assert.That(List.IsAllowed(Member('M', "System", "Console", "SetOut", "(System.IO.TextWriter)")), Is.False);
            Assert.That(List.IsAllowed(Type("System", "Console")), Is.False, "a member entry does not allow its type");
            Assert.That(List.IsAllowed(Member('M', "System", "Enum", "GetValues", "", 1)), Is.True);
            Assert.That(List.IsAllowed(Member('M', "System", "Enum", "GetValues", "(System.Type)")), Is.False);
        }
    }

    [Test]
    public void A_property_entry_allows_its_accessors()
    {
        Assert.That(List.IsAllowed(Member('M', "System", "Console", "get_Error")), Is.False, "a receiver entry allows no free use");
        Assert.That(List.IsReceiverOnly(Member('M', "System", "Console", "get_Error")), Is.True);
        Assert.That(List.IsAllowed(Member('M', "System", "Console", "get_Out")), Is.False);
    }

    [Test]
    public void A_receiver_entry_is_a_receiver_scope_in_an_image()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(List.ImageScopes(Member('M', "System", "Console", "get_Error")), Is.EqualTo(new[] { ImageScope.Receiver }));
            Assert.That(List.IsReceiverOnly(Member('M', "System", "Console", "get_Out")), Is.False);
            Assert.That(List.IsReferenceable(Type("System", "Console")), Is.True);
        }
    }

    [Test]
    public void A_deny_is_found_by_name_and_type_scopes_list_their_types()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(List.IsDenied(Member('M', "System", "Exception", "get_StackTrace")), Is.True);
            Assert.That(List.IsDenied(Member('M', "System", "Exception", "get_Message")), Is.False);
            Assert.That(List.ImageTypes(ImageScope.ByAddress), Is.EquivalentTo(new[] { "System.Runtime.CompilerServices.DefaultInterpolatedStringHandler" }));
            Assert.That(List.ImageTypes(ImageScope.Embedded), Is.EquivalentTo(new[] { "System.Runtime.CompilerServices.NullableAttribute" }));
            Assert.That(List.IsAllowed(Type("System.Runtime.CompilerServices", "DefaultInterpolatedStringHandler")), Is.False);
        }
    }

    [Test]
    public void A_type_only_entry_allows_no_member()
    {
        Assert.That(List.IsAllowed(Type("System", "IFormatProvider")), Is.True);
        Assert.That(List.IsAllowed(Member('M', "System", "IFormatProvider", "GetFormat", "(System.Type)")), Is.False);
    }

    [Test]
    public void Deny_wins_over_allow()
    {
        Assert.That(List.IsAllowed(Member('M', "System", "Object", "ToString")), Is.True);
        Assert.That(List.IsAllowed(Member('M', "System", "Object", "GetType")), Is.False);
    }

    [Test]
    public void An_image_entry_is_never_for_source_and_has_its_scope()
    {
        var fromHandle = Member('M', "System", "Type", "GetTypeFromHandle", "(System.RuntimeTypeHandle)");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(List.IsAllowed(fromHandle), Is.False);
            Assert.That(List.ImageScopes(fromHandle), Is.EqualTo(new[] { ImageScope.Records }));
            Assert.That(List.ImageScopes(Member('M', "System", "Math", "Abs", "(System.Int32)")), Is.EqualTo(new[] { ImageScope.Anywhere }));
            Assert.That(List.IsReferenceable(Type("System", "Type")), Is.True, "its members are named");
            Assert.That(List.IsReferenceable(Type("System", "Console")), Is.True, "its members are named");
            Assert.That(List.IsReferenceable(Type("System.IO", "File")), Is.False);
        }
    }

    [Test]
    public void The_longest_advice_prefix_wins()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(List.AdviceFor(Member('M', "System.IO", "File", "ReadAllText", "(System.String)")), Is.EqualTo("no files"));
            Assert.That(List.AdviceFor(Type("System.IO", "Stream")), Is.EqualTo("keep data in fields"));
            Assert.That(List.AdviceFor(Type("System", "GC")), Is.EqualTo("use something allowed"));
            Assert.That(List.Assemblies, Is.EquivalentTo(new[] { "System.Runtime" }));
        }
    }

    [TestCase("allow T:System.Math", "KEYWORD ID REASON")]
    [TestCase("permit T:System.Math because", "unknown keyword")]
    [TestCase("allow X:System.Math because", "not a documentation-comment ID")]
    [TestCase("image M:System.Math.Abs(*) somewhere because", "unknown scope")]
    [TestCase("type T:System.* because", "a type entry names one type")]
    [TestCase("receiver T:System.Console because", "a receiver entry names a property or a field")]
    [TestCase("image M:System.Math.Abs(*) by-address because", "the scope by-address is for one type")]
    public void A_bad_line_is_reported_with_its_number(string line, string message)
    {
        var error = Assert.Throws<FormatException>(() => ApiAllowlist.Parse("# header\n" + line + "\n"));

        Assert.That(error!.Message, Does.StartWith("Allowlist.txt:2: ").And.Contain(message));
    }

    [Test]
    public void The_embedded_list_reads_and_every_entry_has_a_reason()
    {
        var list = ApiAllowlist.Default;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(list.Entries, Has.Count.GreaterThan(100));
            Assert.That(list.Entries.Where(e => e.Reason.Length < 3).Select(e => e.Id), Is.Empty);
            Assert.That(list.Assemblies, Does.Contain("System.Runtime").And.Contain("MemKata.Contracts"));
        }
    }
}
