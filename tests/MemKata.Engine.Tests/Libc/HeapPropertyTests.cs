using CsCheck;

namespace MemKata.Engine.Tests.Libc;

public class HeapPropertyTests
{
    private enum Kind
    {
        Malloc,
        Free,
        Realloc,
        Calloc,
    }

    // Sizes from every regime: tcache/fastbin, small bins, large bins, around and far above the mmap threshold.
    private static readonly Gen<ulong> Size = Gen.Frequency(
        (6, Gen.ULong[0, 128]),
        (4, Gen.ULong[129, 1100]),
        (3, Gen.ULong[1100, 70000]),
        (1, Gen.ULong[120000, 600000]));

    private static readonly Gen<(Kind Kind, int Id, ulong Size)[]> Operations =
        Gen.Select(Gen.Enum<Kind>(), Gen.Int[0, 40], Size).Array[1, 250];

    [Test]
    public void Invariants_hold_after_every_operation_of_random_traces()
    {
        Operations.Sample(ops => Replay(ops), iter: 300, seed: "0N0XIzNsQ0O2");
    }

    private static void Replay((Kind Kind, int Id, ulong Size)[] operations)
    {
        var heap = new TestHeap();
        var pointers = new ulong[41];
        var requests = new Dictionary<ulong, ulong>();
        var step = 0;
        foreach (var (kind, id, size) in operations)
        {
            step++;
            var old = pointers[id];
            switch (kind)
            {
                case Kind.Malloc when old == 0:
                    pointers[id] = heap.Malloc.Malloc(size);
                    break;
                case Kind.Calloc when old == 0:
                    pointers[id] = heap.Malloc.Calloc(1, size);
                    break;
                case Kind.Realloc:
                    var moved = heap.Malloc.Realloc(old, size);
                    requests.Remove(old);
                    pointers[id] = moved;
                    break;
                default:
                    heap.Malloc.Free(old);
                    requests.Remove(old);
                    pointers[id] = 0;
                    break;
            }

            var now = pointers[id];
            if (now != 0)
            {
                requests[now] = size;
                Stamp(heap, now, size, id);
            }

            HeapInvariants.Check(heap, requests);
            for (var i = 0; i < pointers.Length; i++)
            {
                if (pointers[i] != 0 && requests[pointers[i]] >= 8)
                {
                    Assert.That(heap.Memory.ReadWord(pointers[i]), Is.EqualTo(Tag(i)), $"step {step}: block {i} lost its contents");
                }
            }
        }
    }

    private static void Stamp(TestHeap heap, ulong pointer, ulong size, int id)
    {
        if (size >= 8)
        {
            heap.Memory.WriteWord(pointer, Tag(id));
        }
    }

    private static ulong Tag(int id) => 0xC0FFEE00UL + (ulong)id;
}
