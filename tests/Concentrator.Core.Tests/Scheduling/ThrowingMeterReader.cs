using System;
using Concentrator.Core.Meters;
using Concentrator.Core.Readings;
using Concentrator.Core.Scheduling;

namespace Concentrator.Core.Tests.Scheduling
{
    /// <summary>A reader with a bug: it throws instead of returning a status.</summary>
    public sealed class ThrowingMeterReader : IMeterReader
    {
        private readonly ReadingSet _readings = new ReadingSet(1, 1);

        public ReadingSet Readings
        {
            get { return _readings; }
        }

        public string LastError
        {
            get { return null; }
        }

        public MeterReadStatus Read(MeterDefinition meter, int budgetMilliseconds)
        {
            throw new InvalidOperationException("port driver fault");
        }
    }
}
