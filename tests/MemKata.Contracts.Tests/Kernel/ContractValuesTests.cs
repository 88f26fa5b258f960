using MemKata.Contracts.Kernel;

namespace MemKata.Contracts.Tests.Kernel;

// The small helpers the contracts give learners: each says what its comment promises.
public class ContractValuesTests
{
    [Test]
    public void A_fault_result_says_its_outcome_and_only_SIGSEGV_has_a_reason()
    {
        Assert.That(FaultResult.Minor, Is.EqualTo(new FaultResult(FaultOutcome.Minor, null)));
        Assert.That(FaultResult.Major.Outcome, Is.EqualTo(FaultOutcome.Major));
        Assert.That(FaultResult.SegmentationFault("no mapping"), Is.EqualTo(new FaultResult(FaultOutcome.SegmentationFault, "no mapping")));
        Assert.That(FaultResult.OutOfMemory.Outcome, Is.EqualTo(FaultOutcome.OutOfMemory));
    }

    [Test]
    public void An_area_allows_what_its_protection_allows_and_maps_file_offsets_from_its_start()
    {
        var area = new VmaInfo(0x10000, 0x14000, Protection.Read, VmaKind.FilePrivate, "lib.so", 0x2000);

        Assert.That(area.Allows(AccessKind.Read), Is.True);
        Assert.That(area.Allows(AccessKind.Write), Is.False);
        Assert.That(area.Contains(0x13fff), Is.True);
        Assert.That(area.Contains(0x14000), Is.False);
        Assert.That(area.IsAnonymous, Is.False);
        Assert.That(area.FileOffsetOf(0x11000), Is.EqualTo(0x3000UL));
        Assert.That(new VmaInfo(0, 0x1000, Protection.ReadWrite, VmaKind.Heap, null, 0).IsAnonymous, Is.True);
    }

    [Test]
    public void An_empty_entry_is_not_present()
    {
        Assert.That(PageTableEntry.Empty.State, Is.EqualTo(PteState.None));
        Assert.That(PageTableEntry.Empty.IsPresent, Is.False);
        Assert.That(new PageTableEntry(PteState.Present, new FrameNumber(3), 0, true, true, false, false).IsPresent, Is.True);
    }

    [Test]
    public void An_OOM_candidate_keeps_the_task_table_columns_beside_the_badness_numbers()
    {
        var candidate = new OomCandidate(7, "big", 500, 10, 3, 0) { TotalVmPages = 2000, AnonPages = 450, FilePages = 50 };

        Assert.That(candidate.AnonPages + candidate.FilePages, Is.EqualTo(candidate.ResidentPages));
        Assert.That(candidate, Is.Not.EqualTo(new OomCandidate(7, "big", 500, 10, 3, 0)), "the columns are part of the record");
    }

    [Test]
    public void The_simulated_signals_name_the_address_and_the_access()
    {
        Assert.That(new SegmentationFaultException(0x10, true, "no mapping").Message, Is.EqualTo("Segmentation fault: write to 0x10: no mapping"));
        Assert.That(new BusErrorException(0x20, false, "past the end").Message, Is.EqualTo("Bus error: read of 0x20: past the end"));
        Assert.That(new ProcessKilledException(3, "oom").Message, Is.EqualTo("Killed: process 3: oom"));
    }
}
