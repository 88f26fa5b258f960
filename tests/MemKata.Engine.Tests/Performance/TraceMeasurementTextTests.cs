using MemKata.Engine.Performance;

namespace MemKata.Engine.Tests.Performance;

public class TraceMeasurementTextTests
{
    [Test]
    public void A_measurement_reads_back_as_it_was_written()
    {
        var measured = new TraceMeasurement("binary.rep", 76800, 135168, new WorkCounts(97644, 8, 1, 31), null);
        var failed = measured with { Source = "other.rep", Failure = "the process died" };

        var line = TraceMeasurementText.Format(measured);

        Assert.Multiple(() =>
        {
            Assert.That(line, Is.EqualTo("binary.rep\t76800\t135168\t97644\t8\t1\t31\t"));
            Assert.That(TraceMeasurementText.Parse(line.Split('\t')), Is.EqualTo(measured));
            Assert.That(TraceMeasurementText.Parse(TraceMeasurementText.Format(failed).Split('\t')), Is.EqualTo(failed));
        });
    }

    [TestCase("binary.rep\t76800\t135168\t97644\t8\t1\t31", "a measurement has 8 tab-separated fields, not 7")]
    [TestCase("binary.rep\t76800\t-1\t97644\t8\t1\t31\t", null)]
    [TestCase("binary.rep\t76800\t1e5\t97644\t8\t1\t31\t", null)]
    public void A_line_that_is_not_a_measurement_is_refused(string line, string? message)
    {
        var error = Assert.Throws<FormatException>(() => TraceMeasurementText.Parse(line.Split('\t')));

        if (message is not null)
        {
            Assert.That(error.Message, Is.EqualTo(message));
        }
    }
}
