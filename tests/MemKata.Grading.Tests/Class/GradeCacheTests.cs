using MemKata.Grading.Class;
using MemKata.Grading.Tests.Support;

namespace MemKata.Grading.Tests.Class;

public sealed class GradeCacheTests
{
    [Test]
    public void A_saved_report_comes_back_while_the_content_is_the_same()
    {
        var folder = Directory.CreateTempSubdirectory("memkata-cache-").FullName;
        try
        {
            var layout = CounterExercise.Layout;
            var submission = Path.Combine(folder, "alice");
            Directory.CreateDirectory(submission);
            File.Copy(Path.Combine(CounterExercise.Submission("partial"), "Counter.cs"), Path.Combine(submission, "Counter.cs"));
            var report = CounterExercise.Report("partial") with { SubmissionName = "alice" };
            var hash = GradeCache.ContentHash(layout.Config, submission);
            var path = Path.Combine(folder, "scores.cache.json");
            var cache = GradeCache.Fresh(layout);
            cache.Remember("alice", hash, report);
            cache.Save(path, ["alice"]);

            var loaded = GradeCache.Load(path, layout);
            var kept = loaded.Find("alice", hash);
            File.AppendAllText(Path.Combine(submission, "Counter.cs"), "// changed\n");
            var changed = GradeCache.ContentHash(layout.Config, submission);

            Assert.Multiple(() =>
            {
                Assert.That(kept, Is.Not.Null);
                Assert.That(kept!.Score, Is.EqualTo(report.Score));
                Assert.That(kept.Tests.Select(t => (t.Name, t.Status, t.Points)), Is.EqualTo(report.Tests.Select(t => (t.Name, t.Status, t.Points))));
                Assert.That(kept.Tasks, Is.EqualTo(report.Tasks));
                Assert.That(loaded.Reused, Is.EqualTo(1));
                Assert.That(changed, Is.Not.EqualTo(hash));
                Assert.That(loaded.Find("alice", changed), Is.Null, "a changed submission is graded again");
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void A_damaged_cache_is_empty_not_an_error()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "{ not json");

            var cache = GradeCache.Load(path, CounterExercise.Layout);

            Assert.That(cache.Find("alice", "x"), Is.Null);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void The_cache_sits_beside_the_output() =>
        Assert.That(GradeCache.PathFor("/tmp/x/scores.csv"), Is.EqualTo("/tmp/x/scores.cache.json"));
}
