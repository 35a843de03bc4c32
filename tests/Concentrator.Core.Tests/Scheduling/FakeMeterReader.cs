using Concentrator.Core.Meters;
using Concentrator.Core.Readings;
using Concentrator.Core.Scheduling;

namespace Concentrator.Core.Tests.Scheduling
{
    /// <summary>
    /// A meter whose every read takes <see cref="DurationMilliseconds"/> of the fake clock (a silent one: the whole
    /// budget) and answers with <see cref="Answer"/>; records when each read started.
    /// </summary>
    public sealed class FakeMeterReader : IMeterReader
    {
        private readonly FakeScheduleClock _clock;
        private readonly ReadingSet _readings = new ReadingSet(4, 16);

        public MeterReadStatus Answer = MeterReadStatus.Ok;
        public long DurationMilliseconds = 200;
        public bool Silent;
        public readonly long[] Starts = new long[256];
        public int Calls;

        public FakeMeterReader(FakeScheduleClock clock)
        {
            _clock = clock;
        }

        public static FakeMeterReader Good(FakeScheduleClock clock, long duration)
        {
            FakeMeterReader reader = new FakeMeterReader(clock);
            reader.DurationMilliseconds = duration;
            return reader;
        }

        public static FakeMeterReader SilentMeter(FakeScheduleClock clock)
        {
            FakeMeterReader reader = new FakeMeterReader(clock);
            reader.Silent = true;
            reader.Answer = MeterReadStatus.NoAnswer;
            return reader;
        }

        public static FakeMeterReader Broken(FakeScheduleClock clock, long duration)
        {
            FakeMeterReader reader = new FakeMeterReader(clock);
            reader.DurationMilliseconds = duration;
            reader.Answer = MeterReadStatus.BadAnswer;
            return reader;
        }

        public ReadingSet Readings
        {
            get { return _readings; }
        }

        public string LastError
        {
            get { return Answer == MeterReadStatus.NoAnswer ? "no answer" : "bad checksum"; }
        }

        public MeterReadStatus Read(MeterDefinition meter, int budgetMilliseconds)
        {
            if (Calls < Starts.Length)
            {
                Starts[Calls] = _clock.Now;
            }

            Calls++;
            _clock.Advance(Silent ? budgetMilliseconds : DurationMilliseconds);
            return Answer;
        }
    }
}
