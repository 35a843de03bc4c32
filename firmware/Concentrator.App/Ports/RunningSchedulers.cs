using Concentrator.Core.Scheduling;

namespace Concentrator.App.Ports
{
    /// <summary>
    /// The <see cref="PortScheduler"/>s of the polled ports that run, so that a text command can change a meter's poll
    /// interval while its port polls (Core's <see cref="PortScheduler.RequestInterval"/>, taken up by the port's thread at
    /// its next tick). Every polled port registers its scheduler here when it starts (<see cref="PortStarter"/>).
    /// </summary>
    public static class RunningSchedulers
    {
        private const int MaxPorts = 8;
        private static readonly PortScheduler[] Schedulers = new PortScheduler[MaxPorts];
        private static readonly object Gate = new object();
        private static int _count;

        public static void Add(PortScheduler scheduler)
        {
            lock (Gate)
            {
                if (_count == MaxPorts)
                {
                    throw new System.InvalidOperationException("at most " + MaxPorts.ToString() + " polled ports");
                }

                Schedulers[_count++] = scheduler;
            }
        }

        /// <summary>Asks the port that polls the meter for the new interval. False when no running port polls it.</summary>
        public static bool RequestInterval(string meterId, int seconds)
        {
            lock (Gate)
            {
                for (int i = 0; i < _count; i++)
                {
                    if (Schedulers[i].RequestInterval(meterId, seconds))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
