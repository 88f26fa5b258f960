using MemKata.Grading.Worker.Testing;

namespace MemKata.Grading.Worker.Tests.Testing;

/// <summary>A test's console output is kept up to a few KiB, the rest counted, never stored.</summary>
public sealed class ConsoleCaptureTests
{
    [Test]
    public void Output_past_the_cap_is_counted_not_kept()
    {
        using var capture = new ConsoleCapture();
        capture.Write(new string('x', ConsoleCapture.MaxChars - 1));
        capture.Write("yz");
        capture.Write(new string('w', 1_000_000));

        var text = capture.Take();

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.StartWith(new string('x', ConsoleCapture.MaxChars - 1) + "y\n"));
            Assert.That(text, Does.EndWith("[... 1000001 more characters not shown]"));
            Assert.That(capture.Take(), Is.Null, "taking empties it");
        });
    }
}
