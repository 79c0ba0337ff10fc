; Inno Setup 6 script: one installer file for the Windows one-folder build of ANTQ Desktop.
;
; Build dist\antq-desktop\ first (packaging\README.md), then, from the repository root:
;   iscc /DAppVersion=0.1.0 packaging\windows\antq.iss
; which writes dist\ANTQ-Desktop-Setup-0.1.0.exe (the name the guides use). The version is the one of
; pyproject.toml and must be given: .github/workflows/windows.yml reads it from there.
; Signing (only when a certificate is at hand): add /DSign "/Santq=signtool sign ... $f", and Inno
; Setup signs the installer and its uninstaller with that command.
;
; Per-user install, no administrator rights: the program goes to
; %LOCALAPPDATA%\Programs\ANTQ Desktop, its data stays in %LOCALAPPDATA%\ANTQ Desktop
; (platformdirs' user data folder). Uninstalling keeps the data unless the officer answers Yes.
;
; The installer speaks Vietnamese: Vietnamese.isl is one of Inno Setup's unofficial translations.
; Copy it into Inno Setup's Languages folder first (see packaging\README.md).
; This file is UTF-8 with a BOM so that the Vietnamese texts below survive.

#ifndef AppVersion
  #error Pass the version of pyproject.toml: iscc /DAppVersion=X.Y.Z packaging\windows\antq.iss
#endif
#ifndef DistDir
  #define DistDir "..\..\dist\antq-desktop"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#define AppName "ANTQ Desktop"
#define AppExe "antq-desktop.exe"
#define DataFolder "{localappdata}\ANTQ Desktop"

[Setup]
; Keep AppId for ever: it is how a new version finds and replaces the old one.
AppId={{6E2B7C1A-3F0D-4C8E-9A55-2D7B1E4F8C30}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=ANTQ Desktop
VersionInfoVersion={#AppVersion}
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\ANTQ Desktop
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
OutputDir={#OutputDir}
OutputBaseFilename=ANTQ-Desktop-Setup-{#AppVersion}
SetupIconFile=..\icons\antq-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
#ifdef Sign
SignTool=antq
SignedUninstaller=yes
#endif
; Qt 6 runs on 64-bit Windows 10 (1809) or newer and Windows 11: no 32-bit, no Windows 7/8.1.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763
; Close a running copy (it holds its files open) before replacing or removing them.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "vi"; MessagesFile: "compiler:Languages\Vietnamese.isl"

[CustomMessages]
vi.CreateDesktopIcon=Tạo lối tắt trên màn hình nền
vi.AdditionalIcons=Lối tắt:
vi.LaunchProgram=Mở ANTQ Desktop ngay
vi.DeleteDataQuestion=Có xóa luôn thư mục dữ liệu của ANTQ Desktop không?%n%n%1%n%nThư mục này chứa cơ sở dữ liệu của đơn vị và các bản sao lưu. Nếu xóa thì không lấy lại được.%n%nChọn “Không” (nên chọn) để giữ lại dữ liệu: cài lại chương trình sẽ dùng tiếp dữ liệu này.
vi.DeleteDataConfirm=Xác nhận lần cuối: xóa vĩnh viễn toàn bộ dữ liệu trong%n%1 ?
vi.DeleteDataFailed=Không xóa được hết thư mục dữ liệu:%n%1%n%nHãy đóng ANTQ Desktop rồi xóa thư mục này bằng tay nếu cần.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; Files of an older version that the new one no longer ships (one-folder builds change contents).
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram}"; Flags: nowait postinstall skipifsilent

[Code]
{ Uninstalling never removes the data folder by itself: only when the officer answers Yes twice
  (the first question defaults to No). A silent uninstall always keeps the data. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep <> usPostUninstall then
    Exit;
  DataDir := ExpandConstant('{#DataFolder}');
  if UninstallSilent or not DirExists(DataDir) then
    Exit;
  if MsgBox(FmtMessage(CustomMessage('DeleteDataQuestion'), [DataDir]),
            mbConfirmation, MB_YESNO or MB_DEFBUTTON2) <> IDYES then
    Exit;
  if MsgBox(FmtMessage(CustomMessage('DeleteDataConfirm'), [DataDir]),
            mbError, MB_YESNO or MB_DEFBUTTON2) <> IDYES then
    Exit;
  if not DelTree(DataDir, True, True, True) then
    MsgBox(FmtMessage(CustomMessage('DeleteDataFailed'), [DataDir]), mbError, MB_OK);
end;
