using MemKata.Contracts;
using MemKata.Contracts.Kernel;

namespace MemKata.Graders.FaultHandler;

/// <summary>
/// The REQUIRED rules of the instructions, for one fault: from the area, the entry before, the access, the answer and
/// what the handler asked the kernel (<see cref="RecordingContext"/>), the first rule broken, in words a learner can act
/// on, or null. Checked: the outcome (SIGSEGV exactly for an illegal access, OutOfMemory exactly when a frame call
/// answered null, Major exactly when a swap-in or a page-cache miss happened), the mapping (which frame, writable or
/// not, the zero page), the frames taken and what they hold, and that a refused or failed fault maps nothing. Not
/// checked: the order of the calls, the SIGSEGV's wording.
/// </summary>
internal static class FaultRules
{
    public static string? FirstBroken(VmaInfo? vma, PageTableEntry before, PageFault fault, FaultResult result, RecordingContext calls)
    {
        if (vma is null || !vma.Allows(fault.Access))
        {
            return result.Outcome != FaultOutcome.SegmentationFault
                ? $"the access is illegal ({(vma is null ? "no area covers it" : $"the {vma.Protection} area forbids it")}): the answer is SIGSEGV (task 1), not {result.Outcome}"
                : calls.ChangedNothing ? null : "a refused access changes nothing: call nothing that takes a frame, reads a page or maps one (task 1)";
        }

        if (result.Outcome == FaultOutcome.SegmentationFault)
        {
            return $"the {vma.Kind} area allows a {Verb(fault)}: this is no SIGSEGV (task 1)";
        }

        if (calls.Mappings.FirstOrDefault(m => m.Page != fault.PageAddress) is { Page: not 0 } stray)
        {
            return $"your handler mapped 0x{stray.Page:x}, but only the faulting page 0x{fault.PageAddress:x} may be mapped";
        }

        if (calls.Refused || result.Outcome == FaultOutcome.OutOfMemory)
        {
            return !calls.Refused ? "every frame your handler asked for was given: OutOfMemory is only for a call that answered null (task 6)"
                : result.Outcome != FaultOutcome.OutOfMemory ? $"a call that provides a frame answered null: the answer is OutOfMemory (task 6), not {result.Outcome}"
                : calls.Mappings.Count > 0 ? "the fault failed for want of a frame: map nothing (task 6)"
                : null;
        }

        var major = calls.SwapIns.Count > 0 || calls.FileReads.Any(r => !r.WasCached);
        var expected = major ? FaultOutcome.Major : FaultOutcome.Minor;
        if (result.Outcome != expected)
        {
            return $"{(major ? "the page came from disk (a swap-in or a page-cache miss)" : "no disk was read (no swap-in, no page-cache miss)")}: the fault is {expected}, not {result.Outcome}";
        }

        if (calls.Mappings.Count == 0)
        {
            return $"your handler answered {result.Outcome} but mapped nothing";
        }

        var (_, frame, writable) = calls.Mappings[^1];
        var areaWritable = (vma.Protection & Protection.Write) != 0;
        return before.State switch
        {
            PteState.None when vma.IsAnonymous => FirstTouchOfAnonymousMemory(fault, frame, writable, calls),
            PteState.None when vma.Kind == VmaKind.FilePrivate && fault.Access == AccessKind.Write => FileFrame(vma, fault, calls) is { } cached
                ? Copy(calls, frame, writable, cached, zerosToo: false, "the page-cache page")
                : $"the first write to a private file page copies its page-cache page: read it (ReadFilePage of {vma.FileName} at offset 0x{vma.FileOffsetOf(fault.PageAddress):x}) and copy it (task 5)",
            PteState.None => FilePage(vma, fault, frame, writable, areaWritable, calls),
            PteState.Swapped => SwapIn(fault, frame, writable, areaWritable, calls),
            _ when vma.Kind == VmaKind.FileShared =>
                frame != before.Frame || !writable || calls.Allocated.Count > 0
                    ? $"a write to a present page of a shared file mapping makes that same page ({before.Frame}) writable, with no copy and no new frame (task 5); your handler mapped {Mapped(frame, writable)}"
                    : null,
            _ => Copy(calls, frame, writable, before.Frame, zerosToo: before.IsZeroPage, before.IsZeroPage ? "the zero page" : "the private file page"),
        };
    }

    private static string? FirstTouchOfAnonymousMemory(PageFault fault, FrameNumber? frame, bool writable, RecordingContext calls)
    {
        if (fault.Access == AccessKind.Read)
        {
            return frame is null && calls.Allocated.Count == 0 ? null
                : $"a read of untouched anonymous memory maps the shared zero page (MapZeroPage) and takes no frame (task 2); your handler mapped {Mapped(frame, writable)} and took {calls.Allocated.Count} frame(s)";
        }

        return calls.Allocated.Count != 1 || frame != calls.Allocated[0] || !writable || calls.ContentsOf(calls.Allocated[0]) != "zeros"
            ? $"a first write to anonymous memory takes exactly one frame, zero-fills it and maps it writable (task 2); your handler took {calls.Allocated.Count} frame(s) and mapped {Mapped(frame, writable)}{Holding(calls, frame)}"
            : null;
    }

    private static string? FilePage(VmaInfo vma, PageFault fault, FrameNumber? frame, bool writable, bool areaWritable, RecordingContext calls)
    {
        var cache = FileFrame(vma, fault, calls);
        var shouldWrite = vma.Kind == VmaKind.FileShared && areaWritable;
        return cache is null || frame != cache || writable != shouldWrite || calls.Allocated.Count > 0
            ? $"a {Verb(fault)} of a page of a {vma.Kind} {vma.Protection} area maps the page-cache frame of {vma.FileName} at offset 0x{vma.FileOffsetOf(fault.PageAddress):x} itself, " +
              $"{(shouldWrite ? "writable" : "read-only")}{(vma.Kind == VmaKind.FilePrivate ? " (a write to it copies it: task 5)" : "")}, with no frame of its own (task 3); " +
              $"your handler mapped {Mapped(frame, writable)}{(cache is null ? " without reading that file page" : "")}"
            : null;
    }

    private static string? SwapIn(PageFault fault, FrameNumber? frame, bool writable, bool areaWritable, RecordingContext calls)
    {
        var swapped = calls.SwapIns.FirstOrDefault(s => s.Page == fault.PageAddress);
        return calls.SwapIns.Count == 0 || frame != swapped.Frame || writable != areaWritable || calls.ContentsOf(swapped.Frame) is not null || calls.Allocated.Count > 0
            ? $"a swapped-out page comes back in the frame SwapIn gives, with its contents (never zeroed or overwritten), mapped {(areaWritable ? "writable" : "read-only")} as the area is (task 4); " +
              $"your handler mapped {Mapped(frame, writable)}{Holding(calls, frame)}"
            : null;
    }

    // A copy: exactly one new frame, holding the source's bytes, mapped writable. The zero page may be copied with
    // ZeroFill or with CopyFrame from its frame (the contract allows both).
    private static string? Copy(RecordingContext calls, FrameNumber? frame, bool writable, FrameNumber source, bool zerosToo, string what)
    {
        var copy = calls.Allocated.Count == 1 ? calls.Allocated[0] : default;
        var contents = calls.ContentsOf(copy);
        var holds = contents == $"a copy of {source}" || (zerosToo && contents == "zeros");
        return calls.Allocated.Count != 1 || frame != copy || !writable || !holds
            ? $"a write to {what} copies it into exactly one new frame, holding {(zerosToo ? "zeros" : $"a copy of {source}")}, mapped writable (task 5); " +
              $"your handler took {calls.Allocated.Count} frame(s) and mapped {Mapped(frame, writable)}{Holding(calls, frame)}"
            : null;
    }

    private static FrameNumber? FileFrame(VmaInfo vma, PageFault fault, RecordingContext calls) =>
        calls.FileReads.Where(r => r.File == vma.FileName && r.Offset == vma.FileOffsetOf(fault.PageAddress)).Select(r => (FrameNumber?)r.Frame).FirstOrDefault();

    private static string Mapped(FrameNumber? frame, bool writable) => frame is { } f ? $"{f}, {(writable ? "writable" : "read-only")}" : "the zero page";

    private static string Holding(RecordingContext calls, FrameNumber? frame) =>
        frame is { } f ? $", holding {calls.ContentsOf(f) ?? "whatever it held before"}" : "";

    private static string Verb(PageFault fault) => fault.Access == AccessKind.Write ? "write" : "read";
}
