using MemKata.Engine.Kernel;

namespace MemKata.Engine.Tests.Kernel;

public class FrameContentsTests
{
    private const int Page = 4096;

    [Test]
    public void A_frame_never_filled_shows_the_poison_byte()
    {
        var contents = new FrameContents(capacity: 4, Page, liveLimit: 2);

        Assert.That(contents.Live(0), Is.All.EqualTo(FrameTable.Poison));
    }

    [Test]
    public void Clear_makes_zeros_without_a_buffer()
    {
        var contents = new FrameContents(capacity: 4, Page, liveLimit: 2);
        contents.Live(1)[7] = 9;

        contents.Clear(1);

        Assert.That(contents.LiveFrames, Is.Zero);
        Assert.That(contents.Compact(1), Is.Null);
        Assert.That(contents.Live(1), Is.All.Zero);
    }

    [Test]
    public void Compact_form_is_the_bytes_up_to_the_last_non_zero_one()
    {
        var contents = new FrameContents(capacity: 4, Page, liveLimit: 2);
        contents.Clear(0);
        var page = contents.Live(0);
        page[0] = 1;
        page[100] = 2;

        var compact = contents.Compact(0);

        Assert.That(compact, Has.Length.EqualTo(101));
        Assert.That(compact![0], Is.EqualTo(1));
        Assert.That(compact[100], Is.EqualTo(2));
    }

    [Test]
    public void A_live_frame_pushed_out_of_the_working_set_keeps_its_bytes_and_is_reported_first()
    {
        var contents = new FrameContents(capacity: 8, Page, liveLimit: 2);
        var evicted = new List<int>();
        contents.Evicting = evicted.Add;
        for (var f = 0; f < 3; f++)
        {
            contents.Clear(f);
            contents.Live(f)[f * 10] = (byte)(f + 1);
        }

        Assert.That(evicted, Is.EqualTo(new[] { 0 }), "the oldest live frame leaves, and the machine hears of it first");
        Assert.That(contents.LiveFrames, Is.EqualTo(2));
        Assert.That(contents.Compact(0), Is.EqualTo(new byte[] { 1 }));
        Assert.That(contents.Live(0)[0], Is.EqualTo(1), "made live again from its compact form");
        Assert.That(evicted, Is.EqualTo(new[] { 0, 1 }));
        Assert.That(contents.Live(2)[20], Is.EqualTo(3));
    }

    [Test]
    public void CopyIn_and_CopyOut_round_trip_a_full_page()
    {
        var contents = new FrameContents(capacity: 4, Page, liveLimit: 2);
        var source = Enumerable.Range(0, Page).Select(i => (byte)(i * 7)).ToArray();
        var back = new byte[Page];

        contents.CopyIn(3, source);
        contents.CopyOut(3, back);

        Assert.That(back, Is.EqualTo(source));
        Assert.That(contents.LiveFrames, Is.Zero, "neither copy needs a buffer");
    }

    [Test]
    public void Copy_takes_the_source_as_it_is_now_live_or_compact()
    {
        var contents = new FrameContents(capacity: 4, Page, liveLimit: 2);
        contents.Clear(0);
        contents.Live(0)[5] = 42;

        contents.Copy(0, 1);
        contents.Live(0)[5] = 43;

        Assert.That(contents.Live(1)[5], Is.EqualTo(42), "a copy, not a share");
        Assert.That(contents.Live(0)[5], Is.EqualTo(43));
    }

    [Test]
    public void A_poisoned_frame_drops_its_buffer()
    {
        var contents = new FrameContents(capacity: 4, Page, liveLimit: 2);
        contents.Clear(2);
        contents.Live(2)[0] = 1;

        contents.Poison(2);

        Assert.That(contents.LiveFrames, Is.Zero);
        Assert.That(contents.Live(2), Is.All.EqualTo(FrameTable.Poison));
    }

    [Test]
    public void SetCompact_refuses_more_than_a_page()
    {
        var contents = new FrameContents(capacity: 4, Page, liveLimit: 2);

        Assert.That(() => contents.SetCompact(0, new byte[Page + 1]), Throws.ArgumentException.With.Message.Contains("do not fit a page"));
    }

    [Test]
    public void Grown_frames_start_poisoned()
    {
        var contents = new FrameContents(capacity: 2, Page, liveLimit: 2);

        contents.Grow(6);

        Assert.That(contents.CopyOutOf(5), Is.All.EqualTo(FrameTable.Poison));
    }
}

file static class FrameContentsExtensions
{
    public static byte[] CopyOutOf(this FrameContents contents, int frame)
    {
        var page = new byte[4096];
        contents.CopyOut(frame, page);
        return page;
    }
}
