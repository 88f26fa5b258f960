using MemKata.Reports.Html.Recording;

namespace MemKata.Reports.Html.Drawings;

/// <summary>One row of the heap picture: the heap after one operation or step.</summary>
/// <param name="Label">What ran, e.g. <c>#3 a 2 131072</c> or <c>2. p = malloc(1 B)</c>.</param>
/// <param name="Boxes">The chunks, lowest address first (mmapped ones after the heap).</param>
/// <param name="Break">The program break.</param>
/// <param name="Note">What the operation did to the heap's memory (system calls), or empty.</param>
internal sealed record HeapStrip(string Label, IReadOnlyList<HeapBox> Boxes, ulong Break, string Note);
