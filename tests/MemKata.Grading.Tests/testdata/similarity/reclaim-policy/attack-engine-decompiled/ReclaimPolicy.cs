using MemKata.Contracts.Kernel;

public sealed class ReclaimPolicy : IReclaimPolicy
{
	private const int StartPriority = 12;
	private const long Batch = 32;
	private const int NeverKill = -1000;
	public void Reclaim(IReclaimContext context, ReclaimRequest request)
	{
		ArgumentNullException.ThrowIfNull(context);
		long num = context.FreePages + request.PagesWanted;
		for (int num2 = 12; num2 >= 0 && context.FreePages < num; num2--)
		{
			long num3 = context.Count(LruList.InactiveAnon) + context.Count(LruList.ActiveAnon);
			long num4 = context.Count(LruList.InactiveFile) + context.Count(LruList.ActiveFile);
			int num5 = context.FreeSwapSlots > 0 && num3 > 0 ? (num4 + context.FreePages <= num ? 200 : context.Swappiness) : 0;
			long num6 = ScanCount(num3, num2, num5);
			long num7 = ScanCount(num4, num2, 200 - num5);
			if (num6 == 0 && num7 == 0)
			{
				return;
			}

			if (num7 > 0)
			{
				Shrink(context, LruList.InactiveFile, LruList.ActiveFile, num7, num);
			}

			if (num6 > 0 && context.FreePages < num)
			{
				Shrink(context, LruList.InactiveAnon, LruList.ActiveAnon, num6, num);
			}
		}
	}

	public int? ChooseOomVictim(IReadOnlyList<OomCandidate> candidates, long totalPages)
	{
		ArgumentNullException.ThrowIfNull(candidates);
		int? num = null;
		long num2 = 0L;
		foreach (OomCandidate oomCandidate in candidates)
		{
			if (oomCandidate.OomScoreAdj == -1000)
			{
				continue;
			}

			long num3 = oomCandidate.ResidentPages + oomCandidate.SwapEntries + oomCandidate.PageTablePages + (oomCandidate.OomScoreAdj * (totalPages / 1000));
			if (!num.HasValue || num3 >= num2)
			{
				num = oomCandidate.Pid;
				num2 = num3;
			}
		}

		return num;
	}

	private static long ScanCount(long size, int priority, int share)
	{
		if (size == 0 || share == 0)
		{
			return 0;
		}

		long num = Math.Max(size >> priority, Math.Min(size, 32L));
		return Math.Max(1, num * share / 200);
	}

	private static void Shrink(IReclaimContext context, LruList inactive, LruList active, long toScan, long target)
	{
		if (context.Count(inactive) < context.Count(active))
		{
			Age(context, active, toScan);
		}

		for (long num = 0L; num < toScan && context.FreePages < target; num++)
		{
			FrameNumber? frameNumber = context.ScanTail(inactive);
			if (!frameNumber.HasValue)
			{
				return;
			}

			if (context.TestAndClearReferenced(frameNumber.Value))
			{
				context.Activate(frameNumber.Value);
				continue;
			}

			PageInfo pageInfo = context.Inspect(frameNumber.Value);
			if (pageInfo.IsAnonymous)
			{
				if (!context.SwapOut(frameNumber.Value))
				{
					context.Activate(frameNumber.Value);
				}

				continue;
			}

			if (pageInfo.Dirty)
			{
				context.Writeback(frameNumber.Value);
			}

			context.Drop(frameNumber.Value);
		}
	}

	private static void Age(IReclaimContext context, LruList active, long toScan)
	{
		for (long num = 0L; num < toScan; num++)
		{
			FrameNumber? frameNumber = context.ScanTail(active);
			if (!frameNumber.HasValue)
			{
				return;
			}

			context.TestAndClearReferenced(frameNumber.Value);
			context.Deactivate(frameNumber.Value);
		}
	}
}
