; Inno Setup 6.3+ script (saved as UTF-8 with a BOM, which Inno Setup needs for the Vietnamese text): the Windows installer for the folder `python dev.py build` makes (dist\HoSo).
;
;   python dev.py build
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=X.Y.Z packaging\hoso.iss
;     (X.Y.Z: what `dist\HoSo\hoso-cli.exe --version` prints)
;   -> dist\HoSo-X.Y.Z-setup.exe
;
; The program goes to Program Files (installing for all users, as an administrator) or to the
; user's own programs folder, %LOCALAPPDATA%\Programs\HoSo (installing for oneself, no administrator
; needed; the setup asks which). The data — the database, backups, keys, logs — lives in the
; per-user data folder %LOCALAPPDATA%\HoSo, which HoSo itself creates on first start: this
; installer never writes there, an upgrade leaves it alone and the uninstaller does not delete it
; (there is no [UninstallDelete] entry, and Inno Setup removes only the files it installed).

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=X.Y.Z packaging\hoso.iss (hoso-cli.exe --version prints it)
#endif

[Setup]
; The AppId ties upgrades to earlier installs: never change it.
AppId={{6A0D3C55-1F0B-4E77-9B8B-3C1E5D0A7F21}
AppName=HoSo
AppVersion={#AppVersion}
AppVerName=HoSo {#AppVersion}
AppPublisher=HoSo
DefaultDirName={autopf}\HoSo
DefaultGroupName=HoSo
DisableProgramGroupPage=yes
; Per-user by default (no administrator needed); the dialog lets an administrator install for all.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SourceDir=..
OutputDir=dist
OutputBaseFilename=HoSo-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\HoSo.exe
UninstallDisplayName=HoSo {#AppVersion}
; An upgrade closes a running HoSo first (its files are in use otherwise).
CloseApplications=yes

[Languages]
; Inno Setup ships no Vietnamese messages file; its unofficial Vietnamese.isl can be added here.
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the program folder's libraries whole (no stale file of an older version
; stays beside the new ones). Only the program folder: the data folder is elsewhere.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "dist\HoSo\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\HoSo"; Filename: "{app}\HoSo.exe"; Comment: "Quản lý hồ sơ cán bộ, công chức, viên chức"
Name: "{autodesktop}\HoSo"; Filename: "{app}\HoSo.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\HoSo.exe"; Description: "{cm:LaunchProgram,HoSo}"; Flags: nowait postinstall skipifsilent
