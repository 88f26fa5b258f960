using System.Globalization;
using MemKata.Engine.Kernel;
using MemKata.Engine.Units;
using MemKata.Reports.Html.Markup;
using MemKata.Reports.Html.Text;

namespace MemKata.Reports.Html.Drawings;

/// <summary>
/// i386's 3 GiB of user space beside x86-64's 128 TiB, with a request (8 GiB in the tour) and the machine's RAM drawn
/// against each: on a logarithmic axis, where both fit, and to scale, where 8 GiB of 128 TiB is thinner than a pixel.
/// The sizes come from the architecture profiles the engine runs with.
/// </summary>
internal static class ArchitectureScaleDrawing
{
    private const double Width = 900;
    private const double Left = 130;
    private const double AxisWidth = 720;
    private const int LogFrom = 20;
    private const int LogTo = 48;

    /// <summary>The drawing for a request of <paramref name="request"/> bytes on a machine with <paramref name="ram"/>
    /// bytes of RAM.</summary>
    public static string Render(ulong request, ulong ram, ReportLanguage t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var archs = new[] { ArchitectureProfile.I386, ArchitectureProfile.X86_64 };
        var svg = new Svg("arch-scale", Width, 300, t["arch.title"]);
        svg.Text(Left, 16, t["arch.log"], "lbl b");
        for (var p = LogFrom; p <= LogTo; p += 4)
        {
            var x = LogX(1UL << p);
            svg.Line(x, 26, x, 128, "grid");
            svg.Text(x, 140, ByteSizeFormat.Scaled(1UL << p, ByteUnit.TiB), "lbl small", "middle");
        }

        for (var i = 0; i < archs.Length; i++)
        {
            var arch = archs[i];
            var y = 34 + (i * 46);
            var space = arch.UserSpaceBytes;
            svg.Text(Left - 8, y + 18, arch.Name, "lbl b", "end");
            svg.Rect(Left, y, LogX(space) - Left, 26, "arch-space", t.Format("arch.space", arch.Name, ByteSizeFormat.Scaled(space, ByteUnit.TiB)));
            var fits = request <= space;
            svg.Text(Math.Max(LogX(space), LogX(request)) + 6, y + 18, ByteSizeFormat.Scaled(space, ByteUnit.TiB), "lbl b");
            svg.Rect(Left, y + 8, LogX(request) - Left, 10, fits ? "arch-req" : "arch-req over",
                t.Format(fits ? "arch.fits" : "arch.nofit", ByteSizeFormat.Scaled(request, ByteUnit.TiB), arch.Name));
            svg.Text(LogX(request) - 4, y + 17, ByteSizeFormat.Scaled(request, ByteUnit.TiB), "small in", "end");
            if (!fits)
            {
                svg.Text(LogX(space) + 60, y + 4, t["arch.refused"], "lbl warn small");
            }
        }

        var ramX = LogX(ram);
        svg.Line(ramX, 26, ramX, 128, "ram-mark", t.Format("arch.ram", ByteSizeFormat.Scaled(ram, ByteUnit.TiB)));
        svg.Text(ramX, 24, t.Format("arch.ram", ByteSizeFormat.Scaled(ram, ByteUnit.TiB)), "lbl small", "middle");

        // To scale: the request against x86-64's space, on a linear axis.
        var big = ArchitectureProfile.X86_64.UserSpaceBytes;
        svg.Text(Left, 180, t["arch.linear"], "lbl b");
        svg.Rect(Left, 192, AxisWidth, 26, "arch-space");
        var share = (double)request / big;
        svg.Rect(Left, 200, Math.Max(AxisWidth * share, 0.5), 10, "arch-req", t.Format("arch.share", ByteSizeFormat.Scaled(request, ByteUnit.TiB), (share * 100).ToString("0.####", CultureInfo.InvariantCulture) + " %"));
        svg.Text(Left - 8, 210, "x86-64", "lbl b", "end");
        svg.Text(Left + 6, 209, "◀ " + ByteSizeFormat.Scaled(request, ByteUnit.TiB), "lbl warn small");
        svg.Text(Left, 240, t.Format("arch.sharetext", ByteSizeFormat.Scaled(request, ByteUnit.TiB), HtmlText.Number((double)big / request)), "lbl");
        svg.Text(Left, 262, t.Format("arch.i386text", ByteSizeFormat.Scaled(ArchitectureProfile.I386.UserSpaceBytes, ByteUnit.TiB)), "lbl");
        return svg.Render();
    }

    private static double LogX(ulong bytes) =>
        Left + (AxisWidth * (Math.Clamp(Math.Log2(Math.Max(bytes, 1)), LogFrom, LogTo) - LogFrom) / (LogTo - LogFrom));
}
