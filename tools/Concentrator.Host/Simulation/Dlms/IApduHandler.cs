namespace Concentrator.Host.Simulation.Dlms;

/// <summary>
/// The application part of a simulated DLMS meter: takes one complete xDLMS APDU (the HDLC or wrapper layer has
/// stripped its own headers) and writes the response APDU.
/// </summary>
public interface IApduHandler
{
    /// <summary>Handles a request; returns the response length written at <paramref name="responseOffset"/>, or -1 for no answer.</summary>
    int Handle(byte[] request, int offset, int count, byte[] response, int responseOffset);
}
