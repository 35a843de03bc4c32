using Concentrator.Core.Dlms;
using Concentrator.Core.Obis;

namespace Concentrator.Core.Tests.Dlms
{
    /// <summary>APDUs built for tests and benchmarks of the client: an accepting AARE and with-list responses for N registers.</summary>
    public static class DlmsVectors
    {
        /// <summary>N energy and instantaneous registers (1-0:C.8.0 and 1-0:C.7.0 for C = 1, 2, …).</summary>
        public static CosemObjectInfo[] Registers(int count)
        {
            CosemObjectInfo[] objects = new CosemObjectInfo[count];
            for (int i = 0; i < count; i++)
            {
                objects[i] = new CosemObjectInfo(CosemObjectInfo.RegisterClass, new ObisCode(1, 0, (byte)(1 + i / 2), (byte)(i % 2 == 0 ? 8 : 7), 0, 255));
            }

            return objects;
        }

        public static byte[] AareAccepting()
        {
            AssociationResponse response = new AssociationResponse();
            response.SetAccepted(Conformance.ClientProposal, 1024);
            return Build(response, 0, false);
        }

        /// <summary>A rejecting AARE (result 1 permanent, 2 transient; the ACSE service-user diagnostic).</summary>
        public static byte[] AareRejecting(byte result, byte userDiagnostic)
        {
            AssociationResponse response = new AssociationResponse();
            response.SetRejected(result, userDiagnostic);
            return Build(response, 0, false);
        }

        /// <summary>The with-list response to the client's first read (scaler_unit then value per object) or to later reads (values only).</summary>
        public static byte[] WithListResponse(int objects, bool withScalerUnits)
        {
            return Build(null, objects, withScalerUnits);
        }

        private static byte[] Build(AssociationResponse aare, int objects, bool withScalerUnits)
        {
            byte[] buffer = new byte[4096];
            AxdrWriter writer = new AxdrWriter(buffer);
            if (aare != null)
            {
                aare.Encode(writer);
            }
            else
            {
                GetApdu.BeginResponseWithList(writer, 0xC1, withScalerUnits ? 2 * objects : objects);
                for (int i = 0; i < objects; i++)
                {
                    if (withScalerUnits)
                    {
                        writer.Byte(0);
                        writer.Structure(2);
                        writer.Int8(i % 2 == 0 ? 0 : -1);
                        writer.Enum(i % 2 == 0 ? 30 : 27);
                    }

                    writer.Byte(0);
                    writer.UInt32Value((uint)(1234567 + i * 1000));
                }
            }

            byte[] apdu = new byte[writer.Length];
            System.Array.Copy(buffer, 0, apdu, 0, writer.Length);
            return apdu;
        }
    }
}
