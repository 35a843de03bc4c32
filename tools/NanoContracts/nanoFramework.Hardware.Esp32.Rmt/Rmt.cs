using System;

namespace nanoFramework.Hardware.Esp32.Rmt
{
    public enum ChannelMode : byte
    {
        Receive = 0x00,
        Transmit = 0x01,
    }

    public abstract class RmtChannelSettings
    {
        protected RmtChannelSettings(int pinNumber) { }
        protected RmtChannelSettings(int channel, int pinNumber) { }
        public int Channel { get { throw null; } set { } }
        public int PinNumber { get { throw null; } set { } }
        // Default 80: 80 MHz APB clock / 80 = 1 us ticks.
        public byte ClockDivider { get { throw null; } set { } }
        public byte NumberOfMemoryBlocks { get { throw null; } set { } }
        public int BufferSize { get { throw null; } set { } }
        public bool SignalInverterEnabled { get { throw null; } set { } }
    }

    public sealed class TransmitChannelSettings : RmtChannelSettings
    {
        public TransmitChannelSettings(int pinNumber) : base(pinNumber) { }
        public TransmitChannelSettings(int channel, int pinNumber) : base(channel, pinNumber) { }
        // Defaults: carrier enabled, 38 000 Hz, 33 %, carrier on HIGH level.
        public bool EnableCarrierWave { get { throw null; } set { } }
        public bool CarrierLevel { get { throw null; } set { } }
        public int CarrierWaveFrequency { get { throw null; } set { } }
        public byte CarrierWaveDutyPercentage { get { throw null; } set { } }
        public bool EnableLooping { get { throw null; } set { } }
        public int LoopCount { get { throw null; } set { } }
        public bool EnableIdleLevelOutput { get { throw null; } set { } }
        public bool IdleLevel { get { throw null; } set { } }
    }

    public abstract class RmtChannel
    {
        protected RmtChannel(RmtChannelSettings settings) { }
        public abstract ChannelMode Mode { get; }
    }

    public class TransmitterChannel : RmtChannel, IDisposable
    {
        public TransmitterChannel(TransmitChannelSettings settings) : base(settings) { }
        public override ChannelMode Mode { get { throw null; } }
        public RmtCommand this[int index] { get { throw null; } set { } }
        public bool IsChannelIdle { get { throw null; } }
        public bool EnableLooping { get { throw null; } set { } }
        public bool CarrierLevel { get { throw null; } set { } }
        public bool IdleLevel { get { throw null; } set { } }
        public void AddCommand(RmtCommand cmd) { }
        public void ClearCommands() { }
        public void Send(bool waitTxDone) { }
        public void SendData(byte[] data, bool waitTxDone) { }
        public void Dispose() { }
        protected virtual void Dispose(bool disposing) { }
    }

    public class RmtCommand
    {
        // Two timed levels per item; each duration is at most 32767 ticks.
        public RmtCommand(ushort duration1, bool level1, ushort duration2, bool level2) { }
        public ushort Duration0 { get { throw null; } set { } }
        public ushort Duration1 { get { throw null; } set { } }
        public bool Level0 { get { throw null; } set { } }
        public bool Level1 { get { throw null; } set { } }
    }
}
