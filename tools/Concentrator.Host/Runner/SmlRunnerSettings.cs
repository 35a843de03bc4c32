using System;
using Concentrator.Core.Sml;

namespace Concentrator.Host.Runner;

/// <summary>The SML side of an <see cref="SmlRunner"/>: push or pull, and the Core options of each.</summary>
public sealed class SmlRunnerSettings
{
    /// <summary>False: the meter pushes (an optical port on ser2net). True: pull with GetList requests (a meter or an E750 communication module on TCP).</summary>
    public bool Pull { get; init; }

    /// <summary>Time between two pulls.</summary>
    public TimeSpan PullInterval { get; init; } = TimeSpan.FromSeconds(5);

    public SmlDecoderOptions Decoder { get; init; } = new SmlDecoderOptions();

    public SmlPushReaderOptions Reader { get; init; } = new SmlPushReaderOptions();

    public SmlClientOptions Client { get; init; } = new SmlClientOptions();

    public void Validate()
    {
        if (PullInterval < TimeSpan.FromMilliseconds(10) || PullInterval > TimeSpan.FromHours(24))
        {
            throw new ArgumentException("the pull interval must be 0.01 s .. 24 h", nameof(PullInterval));
        }
    }
}
