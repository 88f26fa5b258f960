using MemKata.Contracts;

public sealed class Allocator : IAllocator
{
	private const ulong WordSize = 8;
	private const ulong HeaderSize = 16uL;
	private const ulong Alignment = 16;
	private const ulong MinChunk = 32;
	private const ulong PrevInUse = 0x1;
	private const ulong IsMmapped = 0x2;
	private const ulong FlagBits = 0x7;
	private const ulong MmapThreshold = 131072;
	private const ulong TrimThreshold = 131072;
	private const ulong TopPad = 131072;
	private const ulong MaxRequest = 9223372036854775807L;
	private readonly IProcessMemory _memory;
	private ulong _heapStart;
	private ulong _top;
	private ulong _freeList;
	public Allocator(IProcessMemory memory)
	{
		ArgumentNullException.ThrowIfNull(memory);
		_memory = memory;
	}

	public ulong Malloc(ulong size)
	{
		if (size > 9223372036854775807uL)
		{
			return 0;
		}

		ulong num = ChunkSizeFor(size);
		if (num >= 131072uL)
		{
			return MallocMapped(num);
		}

		ulong num2 = TakeFromFreeList(num);
		if (num2 == 0)
		{
			num2 = TakeFromTop(num);
		}

		return num2 == 0 ? 0 : num2 + 16uL;
	}

	public void Free(ulong pointer)
	{
		if (pointer == 0)
		{
			return;
		}

		ulong num = pointer - 16uL;
		ulong num2 = SizeField(num);
		if ((num2 & 2uL) != 0)
		{
			FreeMapped(num, num2 & 18446744073709551608uL);
			return;
		}

		CheckInUse(num, "free()");
		Release(num);
	}

	public ulong Realloc(ulong pointer, ulong size)
	{
		if (pointer == 0)
		{
			return Malloc(size);
		}

		if (size == 0)
		{
			Free(pointer);
			return 0;
		}

		if (size > 9223372036854775807uL)
		{
			return 0;
		}

		ulong num = pointer - 16uL;
		ulong num2 = SizeField(num);
		ulong num3 = ChunkSizeFor(size);
		if ((num2 & 2uL) != 0)
		{
			return ReallocMapped(num, num2 & 18446744073709551608uL, num3, size);
		}

		CheckInUse(num, "realloc()");
		ulong num4 = num2 & 18446744073709551608uL;
		if (num3 < 131072uL && (num3 <= num4 || TryGrowInPlace(num, num4, num3)))
		{
			ShrinkInPlace(num, num3);
			return pointer;
		}

		ulong num5 = Malloc(size);
		if (num5 != 0)
		{
			_memory.Copy(num5, pointer, Math.Min(num4 - 8uL, size));
			Release(num);
		}

		return num5;
	}

	public ulong Calloc(ulong count, ulong size)
	{
		UInt128 uInt128 = checked((UInt128)count) * size;
		if (uInt128 > 9223372036854775807uL)
		{
			return 0;
		}

		ulong num = Malloc(checked((ulong)uInt128));
		if (num != 0 && (SizeField(num - 16uL) & 2uL) == 0)
		{
			_memory.Fill(num, 0, checked((ulong)uInt128));
		}

		return num;
	}

	private static ulong ChunkSizeFor(ulong request)
	{
		return Math.Max(32uL, (request + 8uL + 16uL - 1) & 18446744073709551600uL);
	}

	private static ulong AlignUp(ulong value, ulong unit)
	{
		return (value + unit - 1) & ~(unit - 1);
	}

	private ulong SizeField(ulong chunk)
	{
		return _memory.ReadWord(chunk + 8uL);
	}

	private ulong ChunkSize(ulong chunk)
	{
		return SizeField(chunk) & 18446744073709551608uL;
	}

	private void SetHead(ulong chunk, ulong sizeAndFlags)
	{
		_memory.WriteWord(chunk + 8uL, sizeAndFlags);
	}

	private void SetSize(ulong chunk, ulong size)
	{
		SetHead(chunk, size | (SizeField(chunk) & 1uL));
	}

	private bool IsInUse(ulong chunk, ulong size)
	{
		return (SizeField(chunk + size) & 1uL) != 0;
	}

	private void SetInUse(ulong chunk, ulong size)
	{
		SetHead(chunk + size, SizeField(chunk + size) | 1uL);
	}

	private void MarkFree(ulong chunk, ulong size)
	{
		_memory.WriteWord(chunk + size, size);
		SetHead(chunk + size, SizeField(chunk + size) & 18446744073709551614uL);
	}

	private void CheckInUse(ulong chunk, string operation)
	{
		ulong num = ChunkSize(chunk);
		bool flag = _top != 0 && chunk >= _heapStart && chunk < _top && chunk % 16uL == 0;
		if (!flag || num < 32uL || num % 16uL != 0 || chunk + num > _top)
		{
			throw new HeapCorruptionException($"{operation}: invalid pointer 0x{chunk + 16uL:x}");
		}

		if (!IsInUse(chunk, num))
		{
			throw new HeapCorruptionException($"{operation}: double free detected (block 0x{chunk + 16uL:x} is already free)");
		}
	}

	private ulong Next(ulong chunk)
	{
		return _memory.ReadWord(chunk + 16);
	}

	private ulong Previous(ulong chunk)
	{
		return _memory.ReadWord(chunk + 24);
	}

	private void Push(ulong chunk)
	{
		_memory.WriteWord(chunk + 16, _freeList);
		_memory.WriteWord(chunk + 24, 0);
		if (_freeList != 0)
		{
			_memory.WriteWord(_freeList + 24, chunk);
		}

		_freeList = chunk;
	}

	private void Unlink(ulong chunk)
	{
		ulong num = Next(chunk);
		ulong num2 = Previous(chunk);
		if (num2 == 0)
		{
			_freeList = num;
		}
		else
		{
			_memory.WriteWord(num2 + 16, num);
		}

		if (num != 0)
		{
			_memory.WriteWord(num + 24, num2);
		}
	}

	private ulong TakeFromFreeList(ulong nb)
	{
		for (ulong num = _freeList; num != 0; num = Next(num))
		{
			ulong num2 = ChunkSize(num);
			if (num2 >= nb)
			{
				Unlink(num);
				SetInUse(num, num2);
				ShrinkInPlace(num, nb);
				return num;
			}
		}

		return 0;
	}

	private void ShrinkInPlace(ulong chunk, ulong nb)
	{
		ulong num = ChunkSize(chunk);
		if (num - nb < 32uL)
		{
			return;
		}

		ulong num2 = chunk + nb;
		SetSize(chunk, nb);
		SetHead(num2, (num - nb) | 1uL);
		Release(num2);
	}

	private void Release(ulong chunk)
	{
		ulong num = ChunkSize(chunk);
		if ((SizeField(chunk) & 1uL) == 0)
		{
			ulong num2 = _memory.ReadWord(chunk);
			SetHead(chunk, 0);
			chunk -= num2;
			Unlink(chunk);
			num += num2;
		}

		ulong num3 = chunk + num;
		if (num3 == _top)
		{
			ulong num4 = ChunkSize(_top);
			SetHead(_top, 0);
			_top = chunk;
			SetHead(_top, (num + num4) | 1uL);
			TrimTop();
			return;
		}

		ulong num5 = ChunkSize(num3);
		if (!IsInUse(num3, num5))
		{
			Unlink(num3);
			SetHead(num3, 0);
			num += num5;
		}

		SetHead(chunk, num | 1uL);
		MarkFree(chunk, num);
		Push(chunk);
	}

	private ulong TakeFromTop(ulong nb)
	{
		if (!EnsureTop(nb + 32uL))
		{
			return 0;
		}

		ulong num = _top;
		ulong num2 = ChunkSize(num);
		_top = num + nb;
		SetSize(num, nb);
		SetHead(_top, (num2 - nb) | 1uL);
		return num;
	}

	private bool EnsureTop(ulong needed)
	{
		ulong num = _top == 0 ? 0 : ChunkSize(_top);
		if (num >= needed)
		{
			return true;
		}

		ulong num2 = _memory.ProgramBreak;
		ulong num3 = _top == 0 ? (16uL - (num2 % 16uL)) % 16uL : 0;
		ulong num4 = AlignUp(needed - num + 131072uL + num3, _memory.PageSize);
		if (num4 > 9223372036854775807L || _memory.Sbrk(checked((long)num4)) == 18446744073709551615uL)
		{
			return false;
		}

		if (_top == 0)
		{
			_heapStart = num2 + num3;
			_top = _heapStart;
			SetHead(_top, (num4 - num3) | 1uL);
		}
		else
		{
			SetSize(_top, num + num4);
		}

		return true;
	}

	private void TrimTop()
	{
		ulong num = ChunkSize(_top);
		if (num <= 131072uL || num - 32uL <= 131072uL)
		{
			return;
		}

		ulong num2 = (num - 32uL - 131072uL) & ~(_memory.PageSize - 1);
		if (num2 == 0 || _memory.Sbrk(-checked((long)num2)) == 18446744073709551615uL)
		{
			return;
		}

		SetSize(_top, num - num2);
	}

	private bool TryGrowInPlace(ulong chunk, ulong size, ulong nb)
	{
		ulong num = chunk + size;
		if (num == _top)
		{
			if (!EnsureTop(nb - size + 32uL))
			{
				return false;
			}

			ulong num2 = ChunkSize(_top);
			SetSize(chunk, nb);
			_top = chunk + nb;
			SetHead(_top, (num2 - (nb - size)) | 1uL);
			return true;
		}

		ulong num3 = ChunkSize(num);
		if (IsInUse(num, num3) || size + num3 < nb)
		{
			return false;
		}

		Unlink(num);
		SetHead(num, 0);
		SetSize(chunk, size + num3);
		SetInUse(chunk, size + num3);
		return true;
	}

	private ulong MappingLengthFor(ulong nb)
	{
		return AlignUp(nb + 8uL, _memory.PageSize);
	}

	private ulong MallocMapped(ulong nb)
	{
		ulong num = MappingLengthFor(nb);
		if (num < nb)
		{
			return 0;
		}

		ulong num2 = _memory.Mmap(num);
		if (num2 == 18446744073709551615uL)
		{
			return 0;
		}

		_memory.WriteWord(num2, 0);
		SetHead(num2, num | 2uL);
		return num2 + 16uL;
	}

	private void FreeMapped(ulong chunk, ulong length)
	{
		if (chunk % _memory.PageSize != 0 || length % _memory.PageSize != 0)
		{
			throw new HeapCorruptionException($"munmap_chunk(): invalid pointer 0x{chunk + 16uL:x}");
		}

		_memory.Munmap(chunk, length);
	}

	private ulong ReallocMapped(ulong chunk, ulong length, ulong nb, ulong size)
	{
		if (nb >= 131072uL)
		{
			ulong num = MappingLengthFor(nb);
			if (num == length)
			{
				return chunk + 16uL;
			}

			ulong num2 = _memory.Mremap(chunk, length, num, mayMove: true);
			if (num2 != 18446744073709551615uL)
			{
				SetHead(num2, num | 2uL);
				return num2 + 16uL;
			}
		}

		ulong num3 = Malloc(size);
		if (num3 != 0)
		{
			_memory.Copy(num3, chunk + 16uL, Math.Min(length - 16uL, size));
			FreeMapped(chunk, length);
		}

		return num3;
	}
}
