using MemKata.Engine.Input;

namespace MemKata.Engine.Tests.Input;

public class InputTextTests
{
    [TestCase("plain text", "plain text")]
    [TestCase("tab\there", @"tab\there")]
    [TestCase("\u001b[2Jcleared", @"\x1b[2Jcleared")]
    [TestCase("nul\0byte", @"nul\x00byte")]
    [TestCase("del\u007f", @"del\x7f")]
    [TestCase("csi\u009b", @"csi\u{009B}")]
    [TestCase("rtl\u202eevil", @"rtl\u{202E}evil")]
    [TestCase("bad\uFFFDutf8", @"bad\u{FFFD}utf8")]
    [TestCase("emoji \U0001F600 é", "emoji \U0001F600 é")]
    public void Escape_writes_what_a_terminal_would_act_on_as_an_escape(string text, string expected)
    {
        Assert.That(InputText.Escape(text), Is.EqualTo(expected));
    }

    [Test]
    public void Escape_writes_a_lone_surrogate_as_an_escape() =>
        Assert.That(InputText.Escape("lone" + (char)0xD800), Is.EqualTo(@"lone\u{D800}"));

    [Test]
    public void Quote_cuts_long_text_and_says_how_much_is_left_out()
    {
        var token = new string('x', 200_000_000 / 1000);

        Assert.That(InputText.Quote(token, 10), Is.EqualTo("'xxxxxxxxxx...' (199990 more characters)"));
    }

    [Test]
    public void Quote_keeps_short_text_whole() => Assert.That(InputText.Quote("ab\nc"), Is.EqualTo(@"'ab\nc'"));
}
