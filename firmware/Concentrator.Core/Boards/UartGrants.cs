using System;

namespace Concentrator.Core.Boards
{
    /// <summary>
    /// Hands out a board's UARTs to the ports the configuration enables, one role at a time and first come first served:
    /// each role is granted only if <see cref="BoardProfileCheck.CheckEnabled"/> accepts it beside the roles granted
    /// before it, and its COM port is not the one kept for a device configured outside the profile (the GSM modem's
    /// <c>modem.port</c>). A refused role keeps the reason, so the caller reports it and runs the others.
    /// </summary>
    public sealed class UartGrants
    {
        private readonly BoardProfile _profile;
        private readonly int _reservedCom;
        private readonly string _reservedFor;
        private readonly UartRole[] _granted = new UartRole[BoardProfile.RoleCount];
        private int _count;

        /// <param name="reservedCom">A COM port number already taken outside the profile (0: none).</param>
        /// <param name="reservedFor">What took it, for the message ("the GSM modem (modem.port)").</param>
        public UartGrants(BoardProfile profile, int reservedCom, string reservedFor)
        {
            if (profile == null)
            {
                throw new ArgumentNullException("profile");
            }

            _profile = profile;
            _reservedCom = reservedCom;
            _reservedFor = reservedFor;
        }

        /// <summary>Roles granted so far.</summary>
        public int Count
        {
            get { return _count; }
        }

        public bool IsGranted(UartRole role)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_granted[i] == role)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Grants <paramref name="role"/> if it fits; otherwise false and <paramref name="problem"/> says why.</summary>
        public bool TryGrant(UartRole role, out string problem)
        {
            if (IsGranted(role))
            {
                problem = null;
                return true;
            }

            int com = _profile.ComPort(role);
            if (com != 0 && com == _reservedCom)
            {
                problem = BoardNames.Of(role) + " needs COM" + com.ToString() + " on board " + _profile.Name + ", which " + _reservedFor + " takes";
                return false;
            }

            UartRole[] enabled = new UartRole[_count + 1];
            Array.Copy(_granted, enabled, _count);
            enabled[_count] = role;
            if (BoardProfileCheck.CheckEnabled(_profile, enabled, out problem) != BoardCheckStatus.Ok)
            {
                return false;
            }

            _granted[_count++] = role;
            return true;
        }
    }
}
