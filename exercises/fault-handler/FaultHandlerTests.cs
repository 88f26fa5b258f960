using MemKata.Contracts;
using MemKata.Contracts.Kernel;
using MemKata.Engine.Kernel;
using MemKata.Scenarios;
using MemKata.Testing;

// The public tests: run them with `dotnet test exercises/fault-handler`. Each one builds a small simulated machine whose
// kernel calls your FaultHandler on every page fault, and names its task: [Task(3)] fails while task 3 is not done.
// The graders check more than this.
public class FaultHandlerTests
{
    private const ulong Page = MachineConfig.PageSize;

    // ---- 1. Find the area, or SIGSEGV -------------------------------------------------------------------------------

    // The simulated process memory refuses an access outside its areas before the kernel is involved, so these tests
    // call your handler directly, the way the kernel does, with a context whose FindVma answers what the test says and
    // which records whatever your handler asks for.

    [Test]
    [Task(1)]
    public void A_fault_where_there_is_no_area_is_SIGSEGV()
    {
        var context = new RecordingContext(vma: null);

        var result = new FaultHandler().HandleFault(context, new PageFault(1, 0x1000, 0x1000, AccessKind.Read));

        Assert.That(result.Outcome, Is.EqualTo(FaultOutcome.SegmentationFault), "FindVma returned null: no area covers 0x1000, so the access is illegal (task 1)");
        Assert.That(result.Reason, Is.Not.Null.And.Not.Empty, "give a reason with FaultResult.SegmentationFault(reason): it is what the learner's program reports");
    }

    [Test]
    [Task(1)]
    public void A_write_fault_in_a_read_only_area_is_SIGSEGV_and_maps_nothing()
    {
        var context = new RecordingContext(new VmaInfo(0x10000, 0x12000, Protection.Read, VmaKind.Anonymous, null, 0));

        var result = new FaultHandler().HandleFault(context, new PageFault(1, 0x10008, 0x10000, AccessKind.Write));

        Assert.That(result.Outcome, Is.EqualTo(FaultOutcome.SegmentationFault), "a write to a PROT_READ area must be refused: VmaInfo.Allows(access) is false (task 1)");
        Assert.That(context.Changes, Is.Empty, "a refused access changes nothing: no frame, no mapping");
    }

    // ---- 2. Zero-fill anonymous memory on first touch ---------------------------------------------------------------

    [Test]
    [Task(2)]
    public void The_first_write_to_anonymous_memory_is_one_minor_fault_on_a_zeroed_frame()
    {
        var (machine, p) = NewMachine();
        var a = p.Memory.Mmap(Page);
        var free = machine.Frames.FreeFrames;

        p.Memory.WriteByte(a, 7);

        Assert.That(p.MinorFaults, Is.EqualTo(1), "one minor fault for the first write");
        Assert.That(p.MajorFaults, Is.Zero, "zero-filling needs no disk: the fault is minor");
        Assert.That(machine.Frames.FreeFrames, Is.EqualTo(free - 1), "the write takes exactly one frame");
        Assert.That(Pte(p, a), Has.Property(nameof(PageTableEntry.State)).EqualTo(PteState.Present).And.Property(nameof(PageTableEntry.Writable)).True);
        Assert.That(p.Memory.ReadByte(a + 1), Is.Zero, "fresh anonymous memory reads as zeros: ZeroFill the frame before mapping it");
    }

    [Test]
    [Task(2)]
    public void A_read_of_untouched_anonymous_memory_maps_the_zero_page_and_takes_no_frame()
    {
        var (machine, p) = NewMachine();
        var a = p.Memory.Mmap(4 * Page);
        var free = machine.Frames.FreeFrames;

        for (var i = 0UL; i < 4; i++)
        {
            Assert.That(p.Memory.ReadByte(a + (i * Page)), Is.Zero);
        }

        Assert.That(p.MinorFaults, Is.EqualTo(4));
        Assert.That(machine.Frames.FreeFrames, Is.EqualTo(free), "reads of untouched memory share the zero page: MapZeroPage");
        Assert.That(Pte(p, a).IsZeroPage, Is.True);
    }

    // ---- 3. File pages through the page cache -----------------------------------------------------------------------

    [Test]
    [Task(3)]
    public void A_file_page_is_read_from_disk_once_then_found_in_the_page_cache()
    {
        var (machine, a) = NewMachine();
        machine.CreateFile("data.bin", 4 * Page);
        var b = machine.Spawn("b");
        var ma = a.Memory.MmapFile(4 * Page, Protection.ReadWrite, "data.bin", 0, shared: true);
        var mb = b.Memory.MmapFile(4 * Page, Protection.Read, "data.bin", 0, shared: true);

        a.Memory.WriteByte(ma + Page, 7);
        var seen = b.Memory.ReadByte(mb + Page);

        Assert.That(a.MajorFaults, Is.EqualTo(1), "the first use of a file page reads the disk: a major fault");
        Assert.That(b.MajorFaults, Is.Zero, "the second process finds the page in the page cache");
        Assert.That(b.MinorFaults, Is.EqualTo(1), "a page-cache hit is a minor fault");
        Assert.That(seen, Is.EqualTo(7), "a MAP_SHARED mapping maps the page-cache page itself, so both processes see the write");
    }

    [Test]
    [Task(3)]
    public void A_read_maps_a_shared_file_page_writable_as_its_area_is_and_a_private_one_read_only()
    {
        var (machine, p) = NewMachine();
        machine.CreateFile("table.db", Page);
        var shared = p.Memory.MmapFile(Page, Protection.ReadWrite, "table.db", 0, shared: true);
        var copy = p.Memory.MmapFile(Page, Protection.ReadWrite, "table.db", 0, shared: false);
        var free = machine.Frames.FreeFrames;

        _ = p.Memory.ReadByte(shared);
        _ = p.Memory.ReadByte(copy);

        Assert.That(machine.Frames.FreeFrames, Is.EqualTo(free - 1), "both mappings show the one page-cache page: no frame of their own");
        Assert.That(Pte(p, shared).Writable, Is.True, "MAP_SHARED, PROT_READ|PROT_WRITE: the page-cache page is mapped writable, even on a read");
        Assert.That(Pte(p, copy).Writable, Is.False, "MAP_PRIVATE: the page-cache page is mapped read-only, so that a write faults and copies it (task 5)");
        Assert.That((p.MajorFaults, p.MinorFaults), Is.EqualTo((1L, 1L)), "the first read misses the page cache (major), the second finds the page there (minor)");
    }

    // ---- 4. Swap a page back in -------------------------------------------------------------------------------------

    [Test]
    [Task(4)]
    public void A_swapped_out_page_comes_back_with_its_contents_in_a_major_fault()
    {
        // Your handler gets only the swap-ins; the reference writes the pages first, so this test needs task 4 alone.
        var (machine, p) = NewMachine(ramPages: 1024, swapPages: 2048, yours: (_, pte, _) => pte.State == PteState.Swapped);
        var a = p.Memory.Mmap(1500 * Page);
        for (var i = 0UL; i < 1500; i++)
        {
            p.Memory.WriteByte(a + (i * Page), (byte)(i % 251));
        }

        Assert.That(Pte(p, a).State, Is.EqualTo(PteState.Swapped), "the test expects the first page to have gone to swap");
        var major = p.MajorFaults;

        var value = p.Memory.ReadByte(a);

        Assert.That(p.MajorFaults, Is.EqualTo(major + 1), "reading swap is disk I/O: a major fault");
        Assert.That(value, Is.Zero, "the page comes back with what was written to it (SwapIn, then MapPage)");
        Assert.That(machine.VmStat.PswpIn, Is.EqualTo(1));
    }

    [Test]
    [Task(4)]
    public void A_page_read_back_from_swap_is_writable_without_another_fault()
    {
        var (_, p) = NewMachine(ramPages: 1024, swapPages: 2048, yours: (_, pte, _) => pte.State == PteState.Swapped);
        var a = p.Memory.Mmap(1400 * Page);
        for (var i = 0UL; i < 1400; i++)
        {
            p.Memory.WriteByte(a + (i * Page) + 5, 42);
        }

        Assert.That(Pte(p, a).State, Is.EqualTo(PteState.Swapped), "the test expects the first page to have gone to swap");
        _ = p.Memory.ReadByte(a + 5);
        var faults = p.MinorFaults + p.MajorFaults;

        p.Memory.WriteByte(a + 6, 1);

        Assert.That(p.MinorFaults + p.MajorFaults, Is.EqualTo(faults), "a page back from swap is the process's own: map it writable when the area is, so that a write after the read needs no fault");
        Assert.That(p.Memory.ReadByte(a + 5), Is.EqualTo(42));
    }

    // ---- 5. Copy on write -------------------------------------------------------------------------------------------

    [Test]
    [Task(5)]
    public void Writing_after_reading_copies_the_zero_page_into_a_frame_of_its_own()
    {
        // Your handler gets only the write to the present page; the reference maps the zero page on the read.
        var (machine, p) = NewMachine(yours: WritesToPresentPages);
        var a = p.Memory.Mmap(Page);
        var free = machine.Frames.FreeFrames;

        _ = p.Memory.ReadByte(a);
        p.Memory.WriteByte(a, 9);

        Assert.That(p.MinorFaults, Is.EqualTo(2), "the read maps the zero page, the write faults again and copies it");
        Assert.That(machine.Frames.FreeFrames, Is.EqualTo(free - 1));
        Assert.That(p.Memory.ReadByte(a), Is.EqualTo(9));
        Assert.That(Pte(p, a).IsZeroPage, Is.False, "the zero page itself must never be written");
    }

    [Test]
    [Task(5)]
    public void A_write_to_a_private_file_mapping_goes_to_a_private_copy()
    {
        // Your handler gets only the write to the present page; the reference maps the file pages on the reads.
        var (machine, a) = NewMachine(yours: WritesToPresentPages);
        machine.CreateFile("lib.so", 2 * Page);
        var b = machine.Spawn("b");
        var ma = a.Memory.MmapFile(2 * Page, Protection.ReadWrite, "lib.so", 0, shared: false);
        var mb = b.Memory.MmapFile(2 * Page, Protection.Read, "lib.so", 0, shared: false);

        _ = a.Memory.ReadByte(ma);
        a.Memory.WriteByte(ma, 5);

        Assert.That(b.Memory.ReadByte(mb), Is.Zero, "MAP_PRIVATE: the write must go to a copy, not to the page cache");
        Assert.That(a.Memory.ReadByte(ma), Is.EqualTo(5));
        Assert.That(a.AnonPages, Is.EqualTo(1), "the copy is the process's own anonymous page");
    }

    [Test]
    [Task(5)]
    public void A_first_touch_of_a_private_file_page_that_is_a_write_copies_the_page_cache_page()
    {
        // Your handler gets the writes to private file pages; the reference brings the page in for the other process.
        var (machine, a) = NewMachine(yours: (vma, _, access) => access == AccessKind.Write && vma.Kind == VmaKind.FilePrivate);
        machine.CreateFile("config", Page);
        var writer = machine.Spawn("writer");
        var w = writer.Memory.MmapFile(Page, Protection.ReadWrite, "config", 0, shared: true);
        writer.Memory.WriteByte(w + 100, 33);
        var m = a.Memory.MmapFile(Page, Protection.ReadWrite, "config", 0, shared: false);
        var free = machine.Frames.FreeFrames;

        a.Memory.WriteByte(m, 8);

        Assert.That((a.MinorFaults, a.MajorFaults), Is.EqualTo((1L, 0L)), "one fault; the page was in the page cache, so it is minor");
        Assert.That(machine.Frames.FreeFrames, Is.EqualTo(free - 1), "the copy is one new frame");
        Assert.That(a.Memory.ReadByte(m + 100), Is.EqualTo(33), "the copy starts as the file's page: copy the page-cache page (CopyFrame), do not zero-fill");
        Assert.That(writer.Memory.ReadByte(w), Is.Zero, "MAP_PRIVATE: the write went to the copy; the file's page is unchanged");
    }

    [Test]
    [Task(5)]
    public void A_write_to_a_present_read_only_shared_file_page_makes_that_page_writable()
    {
        // Linux maps shared file pages read-only on a read to notice when they get dirty; the write then lands here.
        var present = new PageTableEntry(PteState.Present, new FrameNumber(2), 0, Writable: false, Accessed: true, Dirty: false, IsZeroPage: false);
        var context = new RecordingContext(new VmaInfo(0x10000, 0x12000, Protection.ReadWrite, VmaKind.FileShared, "data.bin", 0), present);

        var result = new FaultHandler().HandleFault(context, new PageFault(1, 0x10010, 0x10000, AccessKind.Write));

        Assert.That(result.Outcome, Is.EqualTo(FaultOutcome.Minor));
        Assert.That(context.Changes, Is.EqualTo(new[] { "MapPage(frame 2, writable)" }), "a shared page is written in place: map the same frame writable; no copy, no new frame");
    }

    // ---- 6. No free frame: reclaim, or out of memory ----------------------------------------------------------------

    [Test]
    [Task(6)]
    public void When_no_frame_can_be_had_the_process_is_killed_cleanly()
    {
        var (_, p) = NewMachine(ramPages: 1024);
        var a = p.Memory.Mmap(2000 * Page);

        Assert.Throws<ProcessKilledException>(() =>
        {
            for (var i = 0UL; i < 2000; i++)
            {
                p.Memory.WriteByte(a + (i * Page), 1);
            }
        }, "with no swap, RAM runs out: AllocateFrame returns null and the fault must answer FaultResult.OutOfMemory");
        Assert.That(p.IsAlive, Is.False);
    }

    [Test]
    [Task(6)]
    public void Your_fault_counts_match_the_reference_in_the_swap_scenario()
    {
        var scenario = BuiltInScenarios.Load("07-anonymous-pages-go-to-swap");

        var yours = ScenarioRunner.Run(scenario, new FaultHandler());
        var reference = ScenarioRunner.Run(scenario);

        Assert.That(yours.Steps.Select(s => (s.Index, s.Action, s.MinorFaults, s.MajorFaults)),
            Is.EqualTo(reference.Steps.Select(s => (s.Index, s.Action, s.MinorFaults, s.MajorFaults))),
            "per step: (step, action, minor faults, major faults); run `memkata scenario run --builtin 07-anonymous-pages-go-to-swap` to see the reference's log");
    }

    private static bool WritesToPresentPages(VmaInfo vma, PageTableEntry pte, AccessKind access) =>
        access == AccessKind.Write && pte.State == PteState.Present;

    // A machine with your handler; with `yours`, your handler gets only the faults `yours` picks and the kernel's own
    // handler all the others.
    private static (Machine Machine, SimProcess Process) NewMachine(
        long ramPages = 1024, long swapPages = 0, Func<VmaInfo, PageTableEntry, AccessKind, bool>? yours = null)
    {
        var machine = new Machine(
            new MachineConfig
            {
                RamBytes = (ulong)ramPages * Page,
                SwapBytes = (ulong)swapPages * Page,
                Overcommit = OvercommitMode.Always,
                LoaderTouchesLibraryData = false,
            },
            yours is null ? new FaultHandler() : FaultRouting.Only(new FaultHandler(), yours));
        return (machine, machine.Spawn("p"));
    }

    private static PageTableEntry Pte(SimProcess process, ulong address) => process.PageTable.Get(address / Page);

    // A context for calling a handler directly: FindVma answers the given area, every page has the given entry (untouched
    // by default), and each call that would change something is recorded (and answered as if it worked).
    private sealed class RecordingContext(VmaInfo? vma, PageTableEntry? pte = null) : IFaultContext
    {
        public List<string> Changes { get; } = [];

        public ulong PageSize => Page;

        public VmaInfo? FindVma(ulong address) => vma is not null && vma.Contains(address) ? vma : null;

        public PageTableEntry ReadPte(ulong pageAddress) => pte ?? PageTableEntry.Empty;

        public FrameNumber? AllocateFrame() => Record<FrameNumber?>("AllocateFrame", new FrameNumber(1));

        public void ZeroFill(FrameNumber frame) => Changes.Add("ZeroFill");

        public void CopyFrame(FrameNumber source, FrameNumber destination) => Changes.Add("CopyFrame");

        public FrameNumber? ReadFilePage(string fileName, ulong fileOffset, out bool wasCached)
        {
            wasCached = true;
            return Record<FrameNumber?>("ReadFilePage", new FrameNumber(2));
        }

        public FrameNumber? SwapIn(ulong pageAddress) => Record<FrameNumber?>("SwapIn", new FrameNumber(3));

        public void MapPage(ulong pageAddress, FrameNumber frame, bool writable) => Changes.Add($"MapPage({frame}, {(writable ? "writable" : "read-only")})");

        public void MapZeroPage(ulong pageAddress) => Changes.Add("MapZeroPage");

        private T Record<T>(string call, T answer)
        {
            Changes.Add(call);
            return answer;
        }
    }
}
