namespace MemKata.Grading.Checking;

/// <summary>
/// <c>memkata check --watch</c>: runs a <see cref="LearnerCheck"/> once, then again after every save of a watched file
/// (<see cref="LearnerCheck.IsWatched"/>: the learner's files, the public tests), until cancelled. A save is seen
/// through <see cref="FileSystemWatcher"/> (a write, or an editor's rename over the file); the events of one save, and
/// of saves in quick succession, are gathered until the files have been quiet for <see cref="Debounce"/>, so one save
/// gives one run. The check stays warm between runs (its compile worker, and a test worker started ahead as soon as a
/// run ends: <see cref="LearnerCheck.Prestart"/>), so a run after a save costs the compile job and the tests only.
/// Changes made during a run start the next one as soon as it ends; a cancellation during a run takes effect when the
/// run ends (within the tests' time limits).
/// </summary>
public static class CheckWatch
{
    /// <summary>How long the watched files must stay quiet after a change before a run starts.</summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(100);

    /// <summary>Runs <paramref name="check"/> now and after every save until <paramref name="cancel"/> is cancelled,
    /// handing each result to <paramref name="report"/> with the files (full paths, ordinal order) whose change started
    /// it (none for the first run). Returns the last result, once the run in progress when cancelled has ended; throws
    /// nothing for cancellation.</summary>
    public static CheckResult Run(LearnerCheck check, Action<CheckResult, IReadOnlyList<string>> report, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(report);
        using var changes = new ChangeQueue();
        using var watchers = new Watchers(check, changes);
        var last = check.Run();
        check.Prestart();
        report(last, []);
        while (changes.WaitForQuiet(Debounce, cancel) is { } changed)
        {
            last = check.Run();
            check.Prestart();
            report(last, changed);
        }

        return last;
    }

    // The changed paths since the last run, and a signal for each change.
    private sealed class ChangeQueue : IDisposable
    {
        private readonly Lock _gate = new();
        private readonly SortedSet<string> _changed = new(StringComparer.Ordinal);
        private readonly SemaphoreSlim _signal = new(0);

        public void Add(string path)
        {
            lock (_gate)
            {
                _changed.Add(path);
            }

            _signal.Release();
        }

        // Waits for a change, then for Debounce without one; the changed paths, or null when cancelled.
        public IReadOnlyList<string>? WaitForQuiet(TimeSpan debounce, CancellationToken cancel)
        {
            try
            {
                _signal.Wait(cancel);
                while (_signal.Wait(debounce, cancel))
                {
                }
            }
            catch (OperationCanceledException)
            {
                return null;
            }

            lock (_gate)
            {
                var changed = _changed.ToList();
                _changed.Clear();
                return changed;
            }
        }

        public void Dispose() => _signal.Dispose();
    }

    // One watcher per folder that holds a watched file (the submission folder, the exercise folder).
    private sealed class Watchers : IDisposable
    {
        private readonly List<FileSystemWatcher> _watchers = [];

        public Watchers(LearnerCheck check, ChangeQueue changes)
        {
            foreach (var folder in check.WatchedFolders)
            {
                var watcher = new FileSystemWatcher(folder)
                {
                    IncludeSubdirectories = true,
                    NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                };
                void Seen(string path)
                {
                    if (check.IsWatched(path))
                    {
                        changes.Add(path);
                    }
                }

                watcher.Changed += (_, e) => Seen(e.FullPath);
                watcher.Created += (_, e) => Seen(e.FullPath);
                watcher.Deleted += (_, e) => Seen(e.FullPath);
                watcher.Renamed += (_, e) => Seen(e.FullPath);

                // Events were lost (the kernel's queue overflowed): run again rather than miss a save.
                watcher.Error += (_, _) => changes.Add(folder);
                watcher.EnableRaisingEvents = true;
                _watchers.Add(watcher);
            }
        }

        public void Dispose()
        {
            foreach (var watcher in _watchers)
            {
                watcher.Dispose();
            }
        }
    }
}
