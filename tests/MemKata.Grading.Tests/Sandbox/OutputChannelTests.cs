using System.IO.Pipes;
using System.Text;
using MemKata.Grading.Sandbox;

namespace MemKata.Grading.Tests.Sandbox;

/// <summary>The worker's standard output read as bytes: lines handed over in order, a line or a run past its cap
/// stops the reading, and a pipe that never ends does not hold the reader.</summary>
public sealed class OutputChannelTests
{
    [Test]
    public void Complete_lines_are_handed_over_and_a_partial_last_line_is_not()
    {
        var lines = new List<string>();
        var channel = new OutputChannel(new MemoryStream("one\ntwo é\nthree"u8.ToArray()), 100, 1000, lines.Add);

        Assert.Multiple(() =>
        {
            Assert.That(channel.Finish(TimeSpan.FromSeconds(10)), Is.True);
            Assert.That(lines, Is.EqualTo(new[] { "one", "two é" }));
            Assert.That(channel.Overflow, Is.Null);
        });
    }

    [Test]
    public void A_line_past_its_cap_stops_the_reading_without_storing_it()
    {
        var lines = new List<string>();
        var bytes = Encoding.ASCII.GetBytes("ok\n" + new string('x', 5000));
        var channel = new OutputChannel(new MemoryStream(bytes), 1024 * 1024 * 2, 1L << 30, lines.Add);
        var small = new OutputChannel(new MemoryStream(bytes), 1024, 1L << 30, _ => { });

        channel.Finish(TimeSpan.FromSeconds(10));
        small.Finish(TimeSpan.FromSeconds(10));

        Assert.Multiple(() =>
        {
            Assert.That(channel.Overflow, Is.Null);
            Assert.That(small.Overflow, Is.EqualTo("more than 1 KiB on one line"));
        });
    }

    [Test]
    public void The_whole_run_past_its_cap_stops_the_reading()
    {
        var lines = new List<string>();
        var channel = new OutputChannel(new MemoryStream(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("line\n", 1000)))), 100, 2 * 1024 * 1024 - 1, lines.Add);
        var capped = new OutputChannel(new MemoryStream(new byte[3 * 1024 * 1024]), 4 * 1024 * 1024, 2 * 1024 * 1024, _ => { });

        channel.Finish(TimeSpan.FromSeconds(10));
        capped.Finish(TimeSpan.FromSeconds(10));

        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Count.EqualTo(1000));
            Assert.That(capped.Overflow, Is.EqualTo("more than 2 MiB in all"));
        });
    }

    [Test]
    public void A_pipe_that_stays_open_is_abandoned_at_the_deadline()
    {
        using var server = new AnonymousPipeServerStream(PipeDirection.Out);
        using var client = new AnonymousPipeClientStream(PipeDirection.In, server.ClientSafePipeHandle);
        var channel = new OutputChannel(client, 100, 1000, _ => { });

        var ended = channel.Finish(TimeSpan.FromMilliseconds(200));

        Assert.That(ended, Is.False, "the writer never closed its end: the reader gave up instead of waiting");
    }
}
