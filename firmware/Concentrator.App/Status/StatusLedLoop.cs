using System.Threading;
using Concentrator.App.Publishing;
using Concentrator.Core.Status;
using Concentrator.Drivers.Leds;

namespace Concentrator.App.Status
{
    /// <summary>
    /// Drives the status LED (Core's <see cref="StatusBlink"/> pattern of <see cref="State"/>) and flashes the activity
    /// LED on every telegram, on a thread of its own that samples every 50 ms. Other threads only set
    /// <see cref="State"/> and <see cref="Publisher"/>.
    /// </summary>
    public sealed class StatusLedLoop
    {
        private const int SampleMilliseconds = 50;

        private readonly StatusLeds _leds;
        private readonly object _sync = new object();
        private DeviceState _state = DeviceState.Starting;
        private ReadingPublisher _publisher;

        public StatusLedLoop(StatusLeds leds)
        {
            _leds = leds;
        }

        /// <summary>What the status LED shows.</summary>
        public DeviceState State
        {
            get
            {
                lock (_sync)
                {
                    return _state;
                }
            }

            set
            {
                lock (_sync)
                {
                    _state = value;
                }
            }
        }

        /// <summary>Whose reading count (all meters) the activity LED follows (null: none yet).</summary>
        public ReadingPublisher Publisher
        {
            set
            {
                lock (_sync)
                {
                    _publisher = value;
                }
            }
        }

        public void Run()
        {
            long elapsed = 0;
            long lastReadingAt = -StatusBlink.ActivityFlashMilliseconds;
            int lastReadings = 0;
            while (true)
            {
                ReadingPublisher publisher;
                DeviceState state;
                lock (_sync)
                {
                    publisher = _publisher;
                    state = _state;
                }

                if (publisher != null && publisher.Readings != lastReadings)
                {
                    lastReadings = publisher.Readings;
                    lastReadingAt = elapsed;
                }

                _leds.SetStatus(StatusBlink.IsLit(state, elapsed));
                _leds.SetActivity(StatusBlink.ActivityLit(elapsed - lastReadingAt));
                Thread.Sleep(SampleMilliseconds);
                elapsed += SampleMilliseconds;
            }
        }
    }
}
