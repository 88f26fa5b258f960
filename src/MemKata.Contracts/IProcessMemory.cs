namespace MemKata.Contracts;

/// <summary>
/// What a user-space allocator sees of its process: the memory system calls that glibc's malloc uses
/// (<c>brk</c>/<c>sbrk</c>, <c>mmap</c>, <c>munmap</c>, <c>mremap</c>) and byte-level access to virtual memory.
/// </summary>
/// <remarks>
/// <para>The contract, stated once for every member:</para>
/// <list type="bullet">
/// <item>Addresses are virtual addresses of a 64-bit process (<see cref="ulong"/>). Nothing here hands out host memory:
/// an allocator written against this interface keeps its headers and free lists in the simulated memory itself.</item>
/// <item>System calls fail the way the real ones do: they return <see cref="Syscall.Failed"/> (C's <c>(void *) -1</c>)
/// or <c>-1</c>, and set <see cref="LastError"/> to the <c>errno</c> Linux would set. They never throw for a refused
/// request.</item>
/// <item>Memory reads and writes go through one path, as a real CPU's go through its MMU: touching an address that no
/// mapping covers (or that the mapping's protection forbids) throws <see cref="SegmentationFaultException"/>, the
/// simulated SIGSEGV. The first touch of a page is a page fault that the kernel may count and charge.</item>
/// <item>Memory that was mapped but never written reads as zero, as fresh anonymous memory does on Linux. Only pages that
/// were written hold bytes: reserving a huge range costs nothing.</item>
/// <item>Words are 8 bytes, little-endian, as on x86-64.</item>
/// </list>
/// </remarks>
public interface IProcessMemory
{
    /// <summary>The page size in bytes (4096 on x86-64). Mappings and the kernel's view of the heap are in whole pages.</summary>
    ulong PageSize { get; }

    /// <summary>The current program break: the first address past the heap. Same as <c>sbrk(0)</c>.</summary>
    ulong ProgramBreak { get; }

    /// <summary>The <c>errno</c> left by the last system call that failed; <see cref="Errno.None"/> before any failure.</summary>
    Errno LastError { get; }

    /// <summary>
    /// <c>sbrk(increment)</c>: moves the program break by <paramref name="increment"/> bytes (negative shrinks the heap)
    /// and returns the previous break. The new break need not be page-aligned; the kernel maps whole pages behind it.
    /// On failure returns <see cref="Syscall.Failed"/> with <see cref="LastError"/> = <see cref="Errno.ENOMEM"/>
    /// (the break would run into another mapping, below the heap start, or past the address-space or memory limits).
    /// </summary>
    ulong Sbrk(long increment);

    /// <summary>
    /// <c>brk(address)</c>, the raw system call: asks for the break to be <paramref name="address"/> and returns the break
    /// as it is afterwards. A refused request leaves the break where it was (Linux returns the old break, it does not fail).
    /// </summary>
    ulong Brk(ulong address);

    /// <summary>
    /// <c>mmap(NULL, length, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)</c>: maps <paramref name="length"/> bytes, rounded up
    /// to whole pages, of fresh zeroed private memory at an address the kernel chooses, and returns that page-aligned address.
    /// On failure returns <see cref="Syscall.Failed"/>: <see cref="Errno.EINVAL"/> for a zero length,
    /// <see cref="Errno.ENOMEM"/> when no room or memory is left.
    /// </summary>
    ulong Mmap(ulong length, Protection protection = Protection.ReadWrite);

    /// <summary>
    /// <c>munmap(address, length)</c>: removes every mapping in the page range
    /// [<paramref name="address"/>, <paramref name="address"/> + <paramref name="length"/> rounded up to pages). Unmapped
    /// parts of the range are not an error. Returns 0, or -1 with <see cref="Errno.EINVAL"/> for an unaligned address or a
    /// zero length.
    /// </summary>
    int Munmap(ulong address, ulong length);

    /// <summary>
    /// <c>mremap(oldAddress, oldLength, newLength, mayMove ? MREMAP_MAYMOVE : 0)</c>: resizes the mapping that starts at
    /// <paramref name="oldAddress"/>, in place when the pages after it are free (or it shrinks), else, when
    /// <paramref name="mayMove"/>, by moving it (contents kept). Returns the new address or <see cref="Syscall.Failed"/>
    /// (<see cref="Errno.EFAULT"/> if no mapping is there, <see cref="Errno.ENOMEM"/> if it cannot grow).
    /// </summary>
    ulong Mremap(ulong oldAddress, ulong oldLength, ulong newLength, bool mayMove);

    /// <summary>Reads one byte. Throws <see cref="SegmentationFaultException"/> if the address is not readable.</summary>
    byte ReadByte(ulong address);

    /// <summary>Writes one byte. Throws <see cref="SegmentationFaultException"/> if the address is not writable.</summary>
    void WriteByte(ulong address, byte value);

    /// <summary>Reads the 8-byte little-endian word at <paramref name="address"/> (any alignment).</summary>
    ulong ReadWord(ulong address);

    /// <summary>Writes the 8-byte little-endian word at <paramref name="address"/> (any alignment).</summary>
    void WriteWord(ulong address, ulong value);

    /// <summary><c>memset(address, value, length)</c>: writes <paramref name="value"/> to <paramref name="length"/> bytes.</summary>
    void Fill(ulong address, byte value, ulong length);

    /// <summary><c>memmove(destination, source, length)</c>: copies bytes; overlapping ranges are handled.</summary>
    void Copy(ulong destination, ulong source, ulong length);
}
