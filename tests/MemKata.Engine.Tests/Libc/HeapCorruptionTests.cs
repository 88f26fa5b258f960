using MemKata.Contracts;

namespace MemKata.Engine.Tests.Libc;

// Each message is the text glibc 2.36 printed on this machine (before SIGABRT) for the same sequence of calls.
public class HeapCorruptionTests
{
    [Test]
    public void Double_free_of_a_tcache_chunk()
    {
        var heap = new TestHeap();
        var a = heap.Malloc.Malloc(24);
        heap.Malloc.Free(a);

        AssertAborts(() => heap.Malloc.Free(a), "free(): double free detected in tcache 2");
    }

    [Test]
    public void Double_free_at_the_top_of_a_fastbin()
    {
        var heap = new TestHeap();
        var blocks = Enumerable.Range(0, 8).Select(_ => heap.Malloc.Malloc(24)).ToList();
        blocks.Take(7).ToList().ForEach(heap.Malloc.Free);
        heap.Malloc.Free(blocks[7]);

        AssertAborts(() => heap.Malloc.Free(blocks[7]), "double free or corruption (fasttop)");
    }

    [Test]
    public void Double_free_of_a_chunk_in_a_bin()
    {
        var heap = new TestHeap();
        var a = heap.Malloc.Malloc(2000);
        heap.Malloc.Malloc(10);
        heap.Malloc.Free(a);

        AssertAborts(() => heap.Malloc.Free(a), "double free or corruption (!prev)");
    }

    [Test]
    public void Double_free_of_a_chunk_merged_into_top()
    {
        var heap = new TestHeap();
        var a = heap.Malloc.Malloc(5000);
        heap.Malloc.Free(a);

        AssertAborts(() => heap.Malloc.Free(a), "double free or corruption (top)");
    }

    [Test]
    public void Free_of_a_misaligned_pointer()
    {
        var heap = new TestHeap();
        var a = heap.Malloc.Malloc(24);

        AssertAborts(() => heap.Malloc.Free(a + 8), "free(): invalid pointer");
    }

    [Test]
    public void Free_of_a_chunk_with_a_corrupted_size()
    {
        var heap = new TestHeap();
        var a = heap.Malloc.Malloc(24);
        heap.Memory.WriteWord(a - 8, 8);

        AssertAborts(() => heap.Malloc.Free(a), "free(): invalid size");
    }

    [Test]
    public void Malloc_notices_a_corrupted_prev_size_in_the_unsorted_list()
    {
        var heap = new TestHeap();
        var a = heap.Malloc.Malloc(2000);
        var b = heap.Malloc.Malloc(10);
        heap.Malloc.Free(a);
        heap.Memory.WriteWord(b - 16, 0);

        AssertAborts(() => heap.Malloc.Malloc(10), "malloc(): mismatching next->prev_size (unsorted)");
    }

    [Test]
    public void A_wild_pointer_is_a_segmentation_fault_not_an_abort()
    {
        var heap = new TestHeap();
        heap.Malloc.Malloc(24);

        Assert.Throws<SegmentationFaultException>(() => heap.Malloc.Free(0x1000));
    }

    private static void AssertAborts(Action action, string glibcMessage)
    {
        var error = Assert.Throws<HeapCorruptionException>(action);
        Assert.That(error!.Message, Is.EqualTo(glibcMessage));
    }
}
