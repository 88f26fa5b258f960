using System.Diagnostics;
using MemKata.Engine.Input;

namespace MemKata.Engine.Tests.Input;

public class InputFileTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"memkata-input-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private static string Refusal(string path, long maxBytes = long.MaxValue) =>
        Assert.Throws<InputFileException>(() => InputFile.OpenText(path, "trace", "a .rep file", maxBytes).Dispose())!.Message;

    [Test]
    public void A_regular_file_opens()
    {
        var path = Path.Combine(_folder, "t.rep");
        File.WriteAllText(path, "0 0 0 0\n");

        using var reader = InputFile.OpenText(path, "trace", "a .rep file");

        Assert.That(reader.ReadToEnd(), Is.EqualTo("0 0 0 0\n"));
    }

    [Test]
    public void A_folder_is_refused_as_one() =>
        Assert.That(Refusal(_folder), Does.EndWith("it is a folder, not a trace file (expected a .rep file)"));

    [Test]
    public void A_missing_file_names_the_full_path()
    {
        var path = Path.Combine(_folder, "nope.rep");

        Assert.That(Refusal(path), Is.EqualTo($"cannot read trace '{path}': no such file (looked for {path}); check the path and the current folder"));
    }

    [Test]
    public void A_file_larger_than_allowed_is_refused_before_reading()
    {
        var path = Path.Combine(_folder, "big.yaml");
        File.WriteAllText(path, new string('#', 5000));

        Assert.That(Refusal(path, maxBytes: 4096), Does.EndWith("it is 5000 bytes, and a trace file is at most 4096 bytes; is it the right file?"));
    }

    [Test]
    public void A_path_with_control_characters_is_shown_escaped()
    {
        var message = Refusal(Path.Combine(_folder, "\u001b[31mred.rep"));

        Assert.That(message, Does.Contain(@"\x1b[31mred.rep").And.Not.Contain("\u001b"));
    }

    [Test]
    public void A_device_is_refused()
    {
        Assume.That(OperatingSystem.IsLinux(), "devices are checked through Linux's statx");

        Assert.That(Refusal("/dev/zero"), Does.Contain("it is a character device (such as /dev/zero or a terminal), not a regular file"));
    }

    [Test]
    public void A_fifo_is_refused_without_waiting_for_a_writer()
    {
        Assume.That(OperatingSystem.IsLinux(), "FIFOs are told apart through Linux's statx");
        var path = Path.Combine(_folder, "pipe.rep");
        using (var mkfifo = Process.Start("mkfifo", [path]))
        {
            mkfifo.WaitForExit();
        }

        Assert.That(Refusal(path), Does.Contain("it is a named pipe (FIFO), not a regular file"));
    }

    [Test]
    public void A_symlink_loop_and_a_dangling_link_say_so()
    {
        Assume.That(OperatingSystem.IsLinux(), "link failures are told apart through Linux's statx");
        var a = Path.Combine(_folder, "a.rep");
        var b = Path.Combine(_folder, "b.rep");
        File.CreateSymbolicLink(a, b);
        File.CreateSymbolicLink(b, a);
        var dangling = Path.Combine(_folder, "dangling.rep");
        File.CreateSymbolicLink(dangling, Path.Combine(_folder, "gone.rep"));

        Assert.Multiple(() =>
        {
            Assert.That(Refusal(a), Does.EndWith("it is a symbolic link that never reaches a file (the links form a loop)"));
            Assert.That(Refusal(dangling), Does.Contain("it is a symbolic link to '").And.Contain("gone.rep', which does not exist"));
        });
    }

    [Test]
    public void A_file_used_as_a_folder_on_the_way_says_so()
    {
        var file = Path.Combine(_folder, "file");
        File.WriteAllText(file, "x");

        Assert.That(Refusal(Path.Combine(file, "t.rep")), Does.EndWith("a part of the path before the file name is a file, not a folder"));
    }
}
