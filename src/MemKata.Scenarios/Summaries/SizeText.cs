using System.Globalization;
using MemKata.Engine.Kernel;
using MemKata.Engine.Units;
using MemKata.Scenarios.Wording;

namespace MemKata.Scenarios.Summaries;

/// <summary>Sizes in the scenario reports: pages and bytes in the largest unit that keeps them readable, one decimal
/// when not exact (<c>132 KiB</c>, <c>95.9 MiB</c>, <c>4 GiB</c>).</summary>
public static class SizeText
{
    /// <summary><paramref name="bytes"/> as <c>1.5 MiB</c>.</summary>
    public static string Bytes(ulong bytes) => ByteSizeFormat.Scaled(bytes);

    /// <summary><paramref name="pages"/> 4 KiB pages as a size, e.g. <c>16 MiB</c>.</summary>
    public static string Pages(long pages) => Bytes((ulong)Math.Max(0, pages) * MachineConfig.PageSize);

    /// <summary>A page count with its size: <c>4096 pages (16 MiB)</c>.</summary>
    public static string PagesWithSize(long pages) => PagesWithSizePhrase(pages).English;

    /// <summary><see cref="PagesWithSize"/> as a phrase a report can say in its language.</summary>
    public static Phrase PagesWithSizePhrase(long pages) =>
        Phrase.Of(pages == 1 ? PhraseKey.PageWithSize : PhraseKey.PagesWithSize, pages, Pages(pages));

    /// <summary>A whole number, invariant culture.</summary>
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
