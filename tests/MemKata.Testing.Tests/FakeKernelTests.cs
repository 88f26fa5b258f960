using MemKata.Contracts.Kernel;

namespace MemKata.Testing.Tests;

// The fake kernel holds a policy to the simulated kernel's rule: it acts only on the pages ScanTail handed it.
public class FakeKernelTests
{
    [Test]
    public void A_page_from_the_scan_can_be_acted_on()
    {
        var kernel = new FakeKernel();
        kernel.Add(LruList.InactiveFile, 3);

        var tail = kernel.ScanTail(LruList.InactiveFile)!.Value;
        kernel.Drop(tail);

        Assert.That(kernel.Freed, Is.EqualTo(new[] { tail.Value }));
    }

    // A policy that frees made-up frame numbers without scanning (the red team's adversarial-forged-frame-numbers)
    // freed what the hidden tests asked for.
    [Test]
    public void A_page_the_scan_did_not_hand_out_is_refused()
    {
        var kernel = new FakeKernel();
        var pages = kernel.Add(LruList.InactiveFile, 3);
        kernel.ScanTail(LruList.InactiveFile);

        var error = Assert.Throws<InvalidOperationException>(() => kernel.Drop(new FrameNumber(pages[^1])));

        Assert.That(error!.Message, Does.Contain("ScanTail never handed you this page"));
        Assert.That(kernel.Freed, Is.Empty);
    }
}
