using MemKata.Scenarios.Wording;

namespace MemKata.Scenarios.Tests.Wording;

public class PhraseTests
{
    private static readonly PhraseKey[] Keys = Enum.GetValues<PhraseKey>();

    [TestCaseSource(nameof(Keys))]
    public void Every_key_has_an_english_template(PhraseKey key)
    {
        Assert.That(PhraseTemplates.English(key), Is.Not.Empty);
    }

    [Test]
    public void Values_fill_the_template_and_phrases_inside_are_said_in_the_same_language()
    {
        var phrase = Phrase.Of(PhraseKey.ResultSkipped, Phrase.Of(PhraseKey.ProcessDead, Phrase.Of(PhraseKey.Exited)));

        Assert.Multiple(() =>
        {
            Assert.That(phrase.English, Is.EqualTo("skipped: the process is dead (exited)"));
            Assert.That(phrase.Say(k => k == PhraseKey.Exited ? "gone" : PhraseTemplates.English(k)), Is.EqualTo("skipped: the process is dead (gone)"));
        });
    }

    [Test]
    public void A_list_joins_its_items_and_numbers_are_invariant()
    {
        var list = Phrase.List([Phrase.Of(PhraseKey.HeapBrk, "132 KiB"), Phrase.Of(PhraseKey.MmapAreas, 2, "1 MiB"), Phrase.Of(PhraseKey.PagesRead, -1234567L)]);

        Assert.That(list.English, Is.EqualTo("heap (brk) 132 KiB, 2 mmap areas of 1 MiB, -1234567 pages read"));
    }

    [Test]
    public void A_value_that_is_neither_text_nor_a_whole_number_nor_a_phrase_is_refused()
    {
        Assert.That(() => Phrase.Of(PhraseKey.PagesRead, 1.5), Throws.ArgumentException.With.Message.Contains("PagesRead"));
    }
}
