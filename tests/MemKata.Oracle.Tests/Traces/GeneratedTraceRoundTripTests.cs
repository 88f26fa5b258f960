using MemKata.Engine.Traces;
using MemKata.Oracle.Traces;

namespace MemKata.Oracle.Tests.Traces;

public class GeneratedTraceRoundTripTests
{
    [Test]
    public void Every_profile_reads_back_through_TraceParser_unchanged([Values] TraceProfile profile)
    {
        var trace = TraceGenerator.Generate(profile, 11, 3000);
        using var writer = new StringWriter();
        TraceWriter.Write(trace, writer);

        var read = TraceParser.Parse(new StringReader(writer.ToString()), trace.Source);

        Assert.That(read.IdCount, Is.EqualTo(trace.IdCount));
        Assert.That(read.SuggestedHeapSize, Is.EqualTo(trace.SuggestedHeapSize));
        Assert.That(read.Operations, Is.EqualTo(trace.Operations));
    }
}
