using MemKata.Engine.Input;

namespace MemKata.Engine.Tests.Input;

/// <summary>The two views of <see cref="FileStatus"/>: <see cref="FileStatus.Of"/> follows links as <c>open</c> would,
/// <see cref="FileStatus.OfEntry"/> and <see cref="FileStatus.OpenRegular"/> never follow one.</summary>
public class FileStatusTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"memkata-status-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void A_link_to_a_file_is_a_file_when_followed_and_a_link_when_not()
    {
        var file = Path.Combine(_folder, "a.cs");
        File.WriteAllText(file, "class A {}");
        var link = Path.Combine(_folder, "link.cs");
        File.CreateSymbolicLink(link, file);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(FileStatus.Of(link), Is.EqualTo((FileKind.Regular, 10L)));
            Assert.That(FileStatus.OfEntry(link), Is.EqualTo(FileKind.SymbolicLink));
            Assert.That(FileStatus.OfEntry(file), Is.EqualTo(FileKind.Regular));
            Assert.That(FileStatus.OfEntry(_folder), Is.EqualTo(FileKind.Directory));
        }
    }

    [Test]
    public void A_dangling_link_is_named_as_such_and_is_still_a_link_as_an_entry()
    {
        var link = Path.Combine(_folder, "dangling.cs");
        File.CreateSymbolicLink(link, Path.Combine(_folder, "nowhere.cs"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(FileStatus.Of(link).Kind, Is.EqualTo(OperatingSystem.IsLinux() ? FileKind.DanglingLink : FileKind.Missing));
            Assert.That(FileStatus.OfEntry(link), Is.EqualTo(FileKind.SymbolicLink));
            Assert.That(FileStatus.OfEntry(Path.Combine(_folder, "nothing.cs")), Is.EqualTo(FileKind.Missing));
        }
    }

    [Test]
    public void Only_a_regular_file_opens_never_through_a_link()
    {
        var file = Path.Combine(_folder, "a.cs");
        File.WriteAllText(file, "class A {}");
        var link = Path.Combine(_folder, "link.cs");
        File.CreateSymbolicLink(link, file);

        using var handle = FileStatus.OpenRegular(file);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(handle, Is.Not.Null);
            Assert.That(RandomAccess.GetLength(handle!), Is.EqualTo(10));
            Assert.That(FileStatus.OpenRegular(link), Is.Null, "a link is refused, not followed");
            Assert.That(FileStatus.OpenRegular(_folder), Is.Null, "a folder is not a regular file");
            Assert.That(FileStatus.OpenRegular(Path.Combine(_folder, "nothing.cs")), Is.Null);
        }
    }
}
