using MemKata.Contracts;
using MemKata.Engine.Memory;

namespace MemKata.Engine.Tests.Memory;

/// <summary><see cref="SyscallRecord"/> reads as strace shows the call: an anonymous mapping, a file mapping (shared
/// or private, with its protection and offset), and a refused call.</summary>
public sealed class SyscallRecordTests
{
    [Test]
    public void An_anonymous_mapping_reads_as_glibc_makes_it()
    {
        var record = new SyscallRecord(SyscallKind.Mmap, 0, 135168, 0, 0x7ffff7fd0000, Errno.None);

        Assert.That(record.ToString(), Is.EqualTo("mmap(NULL, 135168, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff7fd0000"));
    }

    [Test]
    public void A_file_mapping_shows_its_sharing_protection_file_and_offset()
    {
        var shared = new SyscallRecord(SyscallKind.Mmap, 0, 8192, 0, 0x7ffff7fd0000, Errno.None)
        {
            Protection = Protection.Read,
            FileName = "data.bin",
            FileOffset = 0x1000,
            Shared = true,
        };
        var refused = new SyscallRecord(SyscallKind.Mmap, 0, 8192, 0, ulong.MaxValue, Errno.EINVAL)
        {
            Protection = Protection.None,
            FileName = "data.bin",
        };

        Assert.Multiple(() =>
        {
            Assert.That(shared.ToString(), Is.EqualTo("mmap(NULL, 8192, PROT_READ, MAP_SHARED, fd<data.bin>, 0x1000) = 0x7ffff7fd0000"));
            Assert.That(refused.ToString(), Is.EqualTo("mmap(NULL, 8192, PROT_NONE, MAP_PRIVATE, fd<data.bin>, 0) = -1 EINVAL"));
        });
    }

    [Test]
    public void A_file_mapping_made_by_the_process_memory_is_recorded_as_one()
    {
        var memory = new SimulatedProcessMemory();
        var records = new List<SyscallRecord>();
        memory.SyscallCompleted += records.Add;

        memory.MmapFile(4096, Protection.Read, "lib.so", 0, shared: false);

        Assert.That(records.Single().ToString(), Does.StartWith("mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd<lib.so>, 0) = 0x"));
    }
}
