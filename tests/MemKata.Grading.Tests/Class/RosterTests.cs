using MemKata.Grading.Class;

namespace MemKata.Grading.Tests.Class;

public sealed class RosterTests
{
    [Test]
    public void Maps_folders_to_ids_and_emails_with_quoted_fields_a_bom_and_crlf()
    {
        var roster = Roster.Parse("\uFEFFemail,folder,student_id\r\n\"bob,jr@uni.edu\",bob,s2\r\nann@uni.edu,ann,\"s\"\"1\"\r\n\r\n", "r.csv");

        Assert.Multiple(() =>
        {
            Assert.That(roster.Entries.Select(e => e.Folder), Is.EqualTo(new[] { "bob", "ann" }));
            Assert.That(roster.Find("bob"), Is.EqualTo(new RosterEntry("bob", "s2", "bob,jr@uni.edu")));
            Assert.That(roster.Find("ann")!.StudentId, Is.EqualTo("s\"1"));
            Assert.That(roster.Find("carl"), Is.Null);
        });
    }

    [TestCase("folder,student_id\nann,1\n", "r.csv:1:1: the header has no email column")]
    [TestCase("folder,student_id,email\nann,1,a\nann,2,b\n", "r.csv:3:1: folder 'ann' is listed twice (first on line 2)")]
    [TestCase("folder,student_id,email\n,1,a\n", "r.csv:2:1: no folder")]
    [TestCase("folder,student_id,email\nan\"n,1,a\n", "r.csv:2:3: a quote inside a field")]
    [TestCase("folder,student_id,email\n\"ann,1,a\n", "r.csv:2:1: a quoted field is never closed")]
    [TestCase("", "r.csv:1:1: the roster is empty")]
    public void Malformed_roster_names_file_line_and_column(string text, string message)
    {
        var error = Assert.Throws<GradingInputException>(() => Roster.Parse(text, "r.csv"));

        Assert.That(error!.Message, Does.StartWith(message));
    }
}
