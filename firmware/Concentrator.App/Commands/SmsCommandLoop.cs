using System.Threading;
using Concentrator.App.Settings;
using Concentrator.Core.Commands;
using Concentrator.Core.Io;
using Concentrator.Core.Modem;
using Concentrator.Core.Timing;
using Concentrator.Drivers.Modem;

namespace Concentrator.App.Commands
{
    /// <summary>
    /// The SMS command channel's thread: opens the modem's UART, sets the modem up, then waits for messages for ever.
    /// A modem that stops answering is set up again after a pause that grows with each failure.
    /// </summary>
    public sealed class SmsCommandLoop
    {
        private const int PollMilliseconds = 1000;

        private readonly ModemUart _uart;
        private readonly GsmSmsChannel _channel;

        public SmsCommandLoop(ConcentratorSettings settings, ICommandHandler handler, IMillisecondClock clock)
        {
            ModemUartOptions options = new ModemUartOptions();
            options.PortName = settings.ModemPortName;
            options.RxPin = settings.ModemRxPin;
            options.TxPin = settings.ModemTxPin;
            options.BaudRate = settings.ModemBaud;
            _uart = new ModemUart(options);
            _channel = new GsmSmsChannel(_uart, handler, clock, new GsmModemOptions());
        }

        public void Run()
        {
            RetryBackoff backoff = new RetryBackoff(5000, 300000);
            while (true)
            {
                if (_uart.Open() != LinkStatus.Ok)
                {
                    Log.Warn("SMS: " + _uart.LastProblem);
                    Thread.Sleep(backoff.NextDelay());
                    continue;
                }

                if (!_channel.Initialize())
                {
                    Log.Warn("SMS: modem set-up failed: " + _channel.LastProblem);
                    Thread.Sleep(backoff.NextDelay());
                    continue;
                }

                Log.Info("SMS: modem ready for text commands");
                backoff.Reset();
                int replies = _channel.RepliesSent;
                while (true)
                {
                    _channel.Poll(PollMilliseconds);
                    if (_channel.RepliesSent != replies)
                    {
                        replies = _channel.RepliesSent;
                        Log.Info("SMS: " + _channel.CommandsHandled.ToString() + " commands, " + replies.ToString() + " replies");
                    }

                    if (_channel.LinkLost)
                    {
                        Log.Warn("SMS: " + _channel.LastProblem + "; setting the modem up again");
                        break;
                    }
                }
            }
        }
    }
}
