using Concentrator.App.Mqtt;

namespace Concentrator.App.Forwarding
{
    /// <summary>
    /// The forwarding thread: while the broker is connected, hands queued messages to M2Mqtt as fast as the
    /// acknowledgement window and the replay pacer allow, and once a minute lets the link publish the retained status if it
    /// is due (RINT hours, or a change: <see cref="MqttLink.PublishStatusIfDue"/>).
    /// </summary>
    public sealed class ForwardLoop
    {
        private const int StatusIntervalMilliseconds = 60000;
        private readonly MqttLink _mqtt;

        public ForwardLoop(MqttLink mqtt)
        {
            _mqtt = mqtt;
        }

        public void Run()
        {
            long lastStatus = System.Environment.TickCount64;
            while (true)
            {
                if (!_mqtt.IsConnected)
                {
                    _mqtt.WaitForWork(500);
                    continue;
                }

                if (!_mqtt.Pump())
                {
                    _mqtt.WaitForWork(100);
                }

                long now = System.Environment.TickCount64;
                if (now - lastStatus >= StatusIntervalMilliseconds)
                {
                    lastStatus = now;
                    _mqtt.PublishStatusIfDue();
                }
            }
        }
    }
}
