using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using MemKata.Analyzers.Runner.Image;
using MemKata.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace MemKata.Analyzers.Runner.Tests;

// The two layers name symbols by two mechanisms (Roslyn's documentation IDs, the image check's decoding of metadata
// signatures) and must agree, or an allowlist entry would mean one thing to one layer and another to the other. For
// every member and type the honest code's images reference, the image check's name resolves, in Roslyn, to a symbol
// whose own documentation ID is the same text.
public class DocumentationIdTests
{
    public static IEnumerable<TestCaseData> HonestFiles() => LearnerSources.Honest().Select(path => new TestCaseData(path).SetName(path));

    [TestCaseSource(nameof(HonestFiles))]
    public void The_image_check_names_what_an_image_references_as_Roslyn_does(string path)
    {
        var (compilation, _) = LearnerSources.Compile(path, allowUnsafe: false);
        var names = ReferencedNames(Infrastructure.Images.Emit(compilation)).ToList();

        var mismatches = names.Where(id =>
            DocumentationCommentId.GetFirstSymbolForDeclarationId(id, compilation)?.OriginalDefinition.GetDocumentationCommentId() != id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(names, Is.Not.Empty);
            Assert.That(mismatches, Is.Empty);
        }
    }

    private static IEnumerable<string> ReferencedNames(byte[] image)
    {
        using var pe = new PEReader(new MemoryStream(image));
        var reader = pe.GetMetadataReader();
        var provider = new DocumentationIdProvider(reader, []);
        foreach (var handle in reader.TypeReferences)
        {
            yield return MetadataApiNames.Of(reader, handle).DocumentationId;
        }

        foreach (var handle in reader.MemberReferences)
        {
            var member = reader.GetMemberReference(handle);
            if (MetadataApiNames.ParentType(reader, member.Parent) is { IsOwn: false } parent)
            {
                yield return MetadataApiNames.Member(parent, reader.GetString(member.Name), member.Signature, provider).DocumentationId;
            }
        }
    }
}
