namespace MemKata.Engine.Memory;

/// <summary>
/// Where things sit in a simulated x86-64 process, as Linux lays out a PIE program with address randomization off
/// (what <c>setarch -R</c> or gdb shows):
/// <code>
///   0x7fff_ffff_f000  ┬ top of user space (47 bits: 128 TiB)
///                     │ stack (grows down)
///   MmapBase          ┼ mmap area: shared libraries, then anonymous mappings, placed top-down
///                     │ ... free ...
///                     │ heap (grows up with brk)
///   HeapStart         ┼ program break at start (page-aligned, just past .bss)
///                     │ .bss, .data, .text of the program
///   ProgramStart      ┼ program image (0x5555_5555_4000)
///                     │ ... free: used by mmap once nothing fits above the program ...
///   MmapMinAddress    ┴ 64 KiB: nothing is ever mapped below
/// </code>
/// </summary>
public sealed record AddressSpaceLayout
{
    /// <summary>The x86-64 layout used unless a scenario says otherwise.</summary>
    public static AddressSpaceLayout X86_64 { get; } = new();

    /// <summary>First address past user space: 2^47 - one page (128 TiB).</summary>
    public ulong UserSpaceEnd { get; init; } = 0x7fff_ffff_f000;

    /// <summary>Where the program image (text, data, bss) starts; the heap follows it.</summary>
    public ulong ProgramStart { get; init; } = 0x5555_5555_4000;

    /// <summary>The lowest address mmap may use (<c>vm.mmap_min_addr</c>, 64 KiB).</summary>
    public ulong MmapMinAddress { get; init; } = 0x1_0000;

    /// <summary>The initial program break: the heap starts here.</summary>
    public ulong HeapStart { get; init; } = 0x5555_5555_9000;

    /// <summary>The top of the mmap area; new mappings go below it, highest free gap first.</summary>
    public ulong MmapBase { get; init; } = 0x7fff_f7fc_1000;

    /// <summary>Where the C library's static data (.data/.bss, holding malloc's arena) is mapped.</summary>
    public ulong LibcDataStart { get; init; } = 0x7fff_f7f9_0000;

    /// <summary>Size of the C library's static data mapping.</summary>
    public ulong LibcDataSize { get; init; } = 0x4000;
}
