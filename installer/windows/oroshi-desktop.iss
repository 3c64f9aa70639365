; Inno Setup 6 script for the Windows bundle: a per-user install (no administrator rights), a Start-menu
; entry, an optional start at sign-in (so the tray's mail schedule runs), and an uninstall that keeps
; the user's data unless they ask otherwise.
;
; NOT BUILT OR TESTED HERE: Inno Setup runs only on Windows and the project's machines are Linux.
; Build it on Windows after the bundle (see docs/manual/install-guide.md, "Building on Windows"):
;   iscc /DAppVersion=0.1.0 installer\windows\oroshi-desktop.iss
; which reads dist\oroshi-desktop\ and writes dist\oroshi-desktop-setup-0.1.0.exe.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "オロシ デスクトップ"
#define AppExeName "oroshi-desktop-window.exe"
#define DataFolder "oroshi-desktop"

[Setup]
; A fixed AppId keeps upgrades in place; never change it.
AppId={{6F1C3B52-8E0A-4B8F-9B3E-2D8C5A1E7F40}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Oroshi
; Per user: installs under %LOCALAPPDATA%\Programs, needs no administrator rights.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\oroshi-desktop
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
OutputDir=..\..\dist
OutputBaseFilename=oroshi-desktop-setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\{#AppExeName}
; The installer's own icon; the programs carry the same .ico (the spec's icon=).
SetupIconFile=..\..\resources\icons\oroshi-desktop.ico
; The app may be running in the tray during an upgrade: ask to close it.
CloseApplications=yes

[Languages]
Name: "japanese"; MessagesFile: "compiler:Languages\Japanese.isl"

[Tasks]
Name: "autostart"; Description: "サインイン時に起動する（定期メール送信のため推奨）"; GroupDescription: "起動:"
Name: "desktopicon"; Description: "デスクトップにアイコンを作る"; GroupDescription: "アイコン:"; Flags: unchecked

[Files]
; The whole one-folder bundle made by installer/build.sh (or the recipe for Windows).
Source: "..\..\dist\oroshi-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExeName}"
Name: "{group}\自己診断（サポート用）"; Filename: "{cmd}"; Parameters: "/k ""{app}\oroshi-desktop.exe"" --self-test"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon
Name: "{userstartup}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: autostart

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{#AppName} を起動する"; Flags: nowait postinstall skipifsilent

[Code]
// The data folder (%LOCALAPPDATA%\oroshi-desktop: settings, the embedded database, the job ledger, the
// generated PDFs, the logs) is not under {app}, so an uninstall keeps it. Only if the user says so is it
// deleted; the passwords in Windows Credential Manager (service "oroshi-desktop") stay either way.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{localappdata}\{#DataFolder}');
    if DirExists(DataDir) and not UninstallSilent then
      if MsgBox('設定・データベース・作成したPDF・ログ（' + DataDir + '）も削除しますか？' + #13#10 +
                '「いいえ」を選ぶと残ります（再インストール後にそのまま使えます）。',
                mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
        DelTree(DataDir, True, True, True);
  end;
end;
