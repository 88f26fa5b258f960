using MemKata.Graders.Shared;
using MemKata.Testing;

namespace MemKata.Graders.Counter;

// Hidden tests of the fake counter exercise: task 1 has 3 tests (2 points each), task 2 has 2 (2 points each), and one
// snapshot check carries the snapshot weight (2 points).
public sealed class CounterGrader
{
    [Test]
    [Task(1)]
    public void StartsAtZero() => Assert.That(Subject.Create().Value, Is.Zero);

    [Test]
    [Task(1)]
    public void IncrementAddsOne()
    {
        var counter = Subject.Create();
        counter.Increment();
        Assert.That(counter.Value, Is.EqualTo(1));
    }

    [Test]
    [Task(1)]
    public void IncrementTwiceGivesTwo()
    {
        var counter = Subject.Create();
        counter.Increment();
        counter.Increment();
        Assert.That(counter.Value, Is.EqualTo(2));
    }

    [Test]
    [Task(2)]
    public void AddAddsTheAmount()
    {
        var counter = Subject.Create();
        counter.Add(5);
        Assert.That(counter.Value, Is.EqualTo(5), CounterMessages.OnANewCounter("Add(5)"));
    }

    [Test]
    [Task(2)]
    public void AddNegativeCountsDown()
    {
        var counter = Subject.Create();
        counter.Add(-3);
        Assert.That(counter.Value, Is.EqualTo(-3), CounterMessages.OnANewCounter("Add(-3)"));
    }

    [Test]
    [Category("Snapshot")]
    public void DescribeMatchesTheReference()
    {
        var counter = Subject.Create();
        counter.Add(2);
        counter.Increment();
        CounterSnapshot.Match("CounterGrader.DescribeMatchesTheReference.snap", counter.Describe());
    }
}
