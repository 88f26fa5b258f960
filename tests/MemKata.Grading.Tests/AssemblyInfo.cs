// Grading a submission mostly waits on child processes: run fixtures and cases side by side. Every grading has its own
// temp folder and processes; shared reports are graded once (CounterExercise.Report).
[assembly: Parallelizable(ParallelScope.All)]
[assembly: LevelOfParallelism(3)]
