using System;
using Concentrator.Core.Dsmr;
using Concentrator.Core.P1;
using Concentrator.Core.Readings;
using Concentrator.Core.Sml;

namespace Concentrator.Core.Diagnostics
{
    /// <summary>
    /// The sink of a meter that pushes (DSMR P1, SML head), with DIAG and CAPT kept before each event is passed on: a
    /// telegram or file is a good reading (the meter is online again) and ends a captured session; a bad one is a failure
    /// with its error and ends a session too; silence past the reader's alarm marks the meter offline until its next
    /// telegram or file. Good telegrams allocate nothing; a failure formats its error once.
    /// </summary>
    public sealed class PushMeterHealthSink : IP1TelegramSink, ISmlFileSink
    {
        private readonly IP1TelegramSink _p1;
        private readonly ISmlFileSink _sml;
        private readonly MeterHealth _health;
        private readonly FrameCapture _capture;

        /// <param name="p1">The P1 sink passed on to (or null on an SML port).</param>
        /// <param name="sml">The SML sink passed on to (or null on a P1 port).</param>
        /// <param name="capture">May be null (no CAPT).</param>
        public PushMeterHealthSink(IP1TelegramSink p1, ISmlFileSink sml, MeterHealth health, FrameCapture capture)
        {
            if (p1 == null && sml == null)
            {
                throw new ArgumentNullException("p1", "a P1 or an SML sink is needed");
            }

            if (health == null)
            {
                throw new ArgumentNullException("health");
            }

            _p1 = p1;
            _sml = sml;
            _health = health;
            _capture = capture;
            Link = string.Empty;
        }

        /// <summary>The port's settings ("COM2 115200 8N1, inversion by the UART"), set when the port opens.</summary>
        public string Link { get; set; }

        public void OnTelegram(ReadingSet readings)
        {
            Good("telegram");
            _p1.OnTelegram(readings);
        }

        public void OnFailure(DsmrError error)
        {
            Bad("bad telegram", error.ToString());
            _p1.OnFailure(error);
        }

        public void OnFile(ReadingSet readings, bool partial)
        {
            Good(partial ? "partial file" : "file");
            _sml.OnFile(readings, partial);
        }

        public void OnFailure(SmlError error)
        {
            Bad("bad file", error.ToString());
            _sml.OnFailure(error);
        }

        public void OnSilence(int silentMilliseconds)
        {
            _health.SetOffline(true, "no data for " + (silentMilliseconds / 1000).ToString() + " s");
            if (_p1 != null)
            {
                _p1.OnSilence(silentMilliseconds);
            }
            else
            {
                _sml.OnSilence(silentMilliseconds);
            }
        }

        private void Good(string what)
        {
            _health.Reading(Link);
            if (_capture != null)
            {
                _capture.End(_health.MeterId, what, null);
            }
        }

        private void Bad(string what, string error)
        {
            _health.Failure(error);
            if (_capture != null)
            {
                _capture.End(_health.MeterId, what, error);
            }
        }
    }
}
