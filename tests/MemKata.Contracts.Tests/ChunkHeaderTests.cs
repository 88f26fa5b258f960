namespace MemKata.Contracts.Tests;

public class ChunkHeaderTests
{
    // The size words glibc writes: a heap chunk of 0x20 after an in-use chunk, and a mapped chunk of 0x21000.
    [TestCase(0x21UL, 0x20UL, true, false)]
    [TestCase(0x21002UL, 0x21000UL, false, true)]
    [TestCase(0x31UL | ChunkHeader.NonMainArena, 0x30UL, true, false)]
    public void The_size_and_the_flags_are_read_from_one_word(ulong word, ulong size, bool prevInUse, bool mmapped)
    {
        var header = new ChunkHeader(word);

        Assert.That(header.Size, Is.EqualTo(size));
        Assert.That(header.IsPrevInUse, Is.EqualTo(prevInUse));
        Assert.That(header.IsMmapped, Is.EqualTo(mmapped));
    }

    [Test]
    public void The_flags_are_glibcs_bits()
    {
        Assert.That(ChunkHeader.PrevInUse, Is.EqualTo(1UL));
        Assert.That(ChunkHeader.Mmapped, Is.EqualTo(2UL));
        Assert.That(ChunkHeader.NonMainArena, Is.EqualTo(4UL));
        Assert.That(ChunkHeader.FlagBits, Is.EqualTo(7UL));
    }

    [Test]
    public void Of_reads_the_word_8_bytes_before_the_pointer()
    {
        var memory = new OneWordMemory(0x1000 - 8, 0x411);

        Assert.That(ChunkHeader.Of(memory, 0x1000), Is.EqualTo(new ChunkHeader(0x411)));
        Assert.That(() => ChunkHeader.Of(null!, 0x1000), Throws.ArgumentNullException);
    }

    // Process memory holding one word; any other access fails the test.
    private sealed class OneWordMemory(ulong address, ulong word) : IProcessMemory
    {
        public ulong PageSize => 4096;

        public ulong ProgramBreak => 0;

        public Errno LastError => Errno.None;

        public ulong ReadWord(ulong at) => at == address ? word : throw new AssertionException($"read of 0x{at:x}");

        public ulong Sbrk(long increment) => throw new AssertionException("sbrk");

        public ulong Brk(ulong at) => throw new AssertionException("brk");

        public ulong Mmap(ulong length, Protection protection = Protection.ReadWrite) => throw new AssertionException("mmap");

        public int Munmap(ulong at, ulong length) => throw new AssertionException("munmap");

        public ulong Mremap(ulong oldAddress, ulong oldLength, ulong newLength, bool mayMove) => throw new AssertionException("mremap");

        public byte ReadByte(ulong at) => throw new AssertionException("byte read");

        public void WriteByte(ulong at, byte value) => throw new AssertionException("byte write");

        public void WriteWord(ulong at, ulong value) => throw new AssertionException("word write");

        public void Fill(ulong at, byte value, ulong length) => throw new AssertionException("fill");

        public void Copy(ulong destination, ulong source, ulong length) => throw new AssertionException("copy");
    }
}
