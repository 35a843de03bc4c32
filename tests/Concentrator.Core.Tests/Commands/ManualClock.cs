using Concentrator.Core.Timing;

namespace Concentrator.Core.Tests.Commands
{
    /// <summary>A clock the test moves.</summary>
    public sealed class ManualClock : IMillisecondClock
    {
        public long Now;

        public long NowMilliseconds
        {
            get { return Now; }
        }
    }
}
