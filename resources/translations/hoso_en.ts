<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="vi_VN">
<context>
    <name></name>
    <message>
        <source>HoSo gặp lỗi không mong đợi: {error}</source>
        <translation>HoSo encountered an unexpected error: {error}</translation>
    </message>
    <message>
        <source>Nội dung bạn đang nhập chưa lưu đã được giữ lại và sẽ được mở lại lần sau.</source>
        <translation>The unsaved data you were entering has been kept and will be reopened next time.</translation>
    </message>
    <message>
        <source>Có {count} hồ sơ đang nhập dở từ lần trước chưa được lưu. Mở lại để tiếp tục?</source>
        <translation>{count} record(s) you were entering last time were not saved. Reopen them to continue?</translation>
    </message>
    <message>
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Thêm đơn vị</source>
        <translation>Add unit</translation>
    </message>
    <message>
        <source>VD: DN.SNV.TCBM</source>
        <translation>e.g. DN.SNV.TCBM</translation>
    </message>
    <message>
        <source>(Không có — đơn vị cấp cao nhất)</source>
        <translation>(None — top-level unit)</translation>
    </message>
    <message>
        <source>Mã đơn vị</source>
        <translation>Unit code</translation>
    </message>
    <message>
        <source>Tên đơn vị</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <source>Đơn vị cấp trên</source>
        <translation>Parent unit</translation>
    </message>
    <message>
        <source>Thêm</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Điều động, chuyển công tác</source>
        <translation>Transfer, reassignment</translation>
    </message>
    <message>
        <source>Luân chuyển</source>
        <translation>Rotation</translation>
    </message>
    <message>
        <source>Biệt phái</source>
        <translation>Secondment</translation>
    </message>
    <message>
        <source>Chuyển đơn vị: {name}</source>
        <translation>Transfer to another unit: {name}</translation>
    </message>
    <message>
        <source>Hình thức</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Đơn vị chuyển đến</source>
        <translation>Destination unit</translation>
    </message>
    <message>
        <source>Từ ngày</source>
        <translation>Effective from</translation>
    </message>
    <message>
        <source>Số quyết định</source>
        <translation>Decision number</translation>
    </message>
    <message>
        <source>Chức vụ mới</source>
        <translation>New position</translation>
    </message>
    <message>
        <source>Chuyển</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Chọn…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Thư mục dữ liệu</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>Ngôn ngữ</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Thay đổi thư mục dữ liệu hoặc ngôn ngữ có hiệu lực khi mở lại chương trình.</source>
        <translation>Changes to the data folder or language take effect when the program is restarted.</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Chọn thư mục dữ liệu</source>
        <translation>Choose data folder</translation>
    </message>
    <message>
        <source>Giới thiệu HoSo</source>
        <translation>About HoSo</translation>
    </message>
    <message>
        <source>&lt;h3&gt;HoSo {version}&lt;/h3&gt;&lt;p&gt;Quản lý hồ sơ cán bộ, công chức, viên chức theo Mẫu 2C-BNV/2008, HS02-VC/BNV và Nghị định 27/2026/NĐ-CP.&lt;/p&gt;&lt;p&gt;Cơ sở dữ liệu: {database}&lt;/p&gt;&lt;p&gt;Phông chữ Liberation Serif theo giấy phép SIL OFL 1.1.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;HoSo {version}&lt;/h3&gt;&lt;p&gt;Records management for cadres, civil servants and public employees under Form 2C-BNV/2008, Form HS02-VC/BNV and Decree 27/2026/NĐ-CP.&lt;/p&gt;&lt;p&gt;Database: {database}&lt;/p&gt;&lt;p&gt;Liberation Serif font under the SIL OFL 1.1 license.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>HoSo — Quản lý hồ sơ cán bộ, công chức, viên chức</source>
        <translation>HoSo — Records management for cadres, civil servants and public employees</translation>
    </message>
    <message>
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Nạp dữ liệu mẫu…</source>
        <translation>Load sample data…</translation>
    </message>
    <message>
        <source>Cài đặt…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation>Exit</translation>
    </message>
    <message>
        <source>HoSo — Tạo tài khoản quản trị</source>
        <translation>HoSo — Create administrator account</translation>
    </message>
    <message>
        <source>Đây là lần đầu dùng cơ sở dữ liệu này. Hãy tạo tài khoản quản trị viên: người quản lý tài khoản, phân quyền và xem nhật ký.</source>
        <translation>This database is being used for the first time. Create an administrator account: the person who manages accounts and permissions and reviews the log.</translation>
    </message>
    <message>
        <source>Tạo tài khoản</source>
        <translation>Create account</translation>
    </message>
    <message>
        <source>Tên đăng nhập</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Mật khẩu (ít nhất 8 ký tự)</source>
        <translation>Password (at least 8 characters)</translation>
    </message>
    <message>
        <source>Nhập lại mật khẩu</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <source>Hai lần nhập mật khẩu không giống nhau.</source>
        <translation>The two passwords do not match.</translation>
    </message>
    <message>
        <source>HoSo — Đăng nhập</source>
        <translation>HoSo — Sign in</translation>
    </message>
    <message>
        <source>Đăng nhập để làm việc với hồ sơ.</source>
        <translation>Sign in to work with records.</translation>
    </message>
    <message>
        <source>Đăng nhập</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Mật khẩu của bạn do quản trị viên đặt: hãy đổi mật khẩu trước khi làm việc.</source>
        <translation>Your password was set by an administrator: change it before you start working.</translation>
    </message>
    <message>
        <source>Đổi mật khẩu của tài khoản {name}.</source>
        <translation>Change the password of account {name}.</translation>
    </message>
    <message>
        <source>Đổi mật khẩu</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>Mật khẩu hiện tại</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>Mật khẩu mới (ít nhất 8 ký tự)</source>
        <translation>New password (at least 8 characters)</translation>
    </message>
    <message>
        <source>Nhập lại mật khẩu mới</source>
        <translation>Repeat new password</translation>
    </message>
    <message>
        <source>Hai lần nhập mật khẩu mới không giống nhau.</source>
        <translation>The two new passwords do not match.</translation>
    </message>
    <message>
        <source>&amp;Hồ sơ</source>
        <translation>&amp;Records</translation>
    </message>
    <message>
        <source>Thêm hồ sơ mới…</source>
        <translation>Add new record…</translation>
    </message>
    <message>
        <source>Mở hồ sơ</source>
        <translation>Open record</translation>
    </message>
    <message>
        <source>Chuyển đơn vị…</source>
        <translation>Transfer to another unit…</translation>
    </message>
    <message>
        <source>Lịch sử thay đổi…</source>
        <translation>Change history…</translation>
    </message>
    <message>
        <source>Xoá hồ sơ…</source>
        <translation>Delete record…</translation>
    </message>
    <message>
        <source>Khôi phục hồ sơ đã xoá…</source>
        <translation>Restore a deleted record…</translation>
    </message>
    <message>
        <source>Tìm kiếm</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Đơn &amp;vị</source>
        <translation>&amp;Units</translation>
    </message>
    <message>
        <source>Thêm đơn vị…</source>
        <translation>Add unit…</translation>
    </message>
    <message>
        <source>Đổi tên đơn vị…</source>
        <translation>Rename unit…</translation>
    </message>
    <message>
        <source>Chuyển đơn vị sang cấp trên khác…</source>
        <translation>Move unit to another parent unit…</translation>
    </message>
    <message>
        <source>Giải thể đơn vị…</source>
        <translation>Dissolve unit…</translation>
    </message>
    <message>
        <source>Trợ &amp;giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Giới thiệu</source>
        <translation>About</translation>
    </message>
    <message>
        <source>&amp;Báo cáo</source>
        <translation>Re&amp;ports</translation>
    </message>
    <message>
        <source>&amp;Công cụ</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>In sơ yếu lý lịch…</source>
        <translation>Print CV…</translation>
    </message>
    <message>
        <source>In hồ sơ cả đơn vị…</source>
        <translation>Print records of the whole unit…</translation>
    </message>
    <message>
        <source>In danh sách đang xem…</source>
        <translation>Print current list…</translation>
    </message>
    <message>
        <source>Báo cáo số lượng, chất lượng…</source>
        <translation>Staff numbers and quality report…</translation>
    </message>
    <message>
        <source>Cảnh báo đến hạn…</source>
        <translation>Due-date alerts…</translation>
    </message>
    <message>
        <source>Mức đầy đủ của hồ sơ…</source>
        <translation>Record completeness…</translation>
    </message>
    <message>
        <source>Kiểm tra chất lượng dữ liệu…</source>
        <translation>Data quality check…</translation>
    </message>
    <message>
        <source>Vị trí việc làm…</source>
        <translation>Job positions…</translation>
    </message>
    <message>
        <source>Đánh giá, xếp loại…</source>
        <translation>Performance rating…</translation>
    </message>
    <message>
        <source>Nhập từ tệp Excel…</source>
        <translation>Import from Excel file…</translation>
    </message>
    <message>
        <source>Xuất danh sách đang xem ra Excel…</source>
        <translation>Export current list to Excel…</translation>
    </message>
    <message>
        <source>Lập phiếu tự kê khai…</source>
        <translation>Issue self-declaration form…</translation>
    </message>
    <message>
        <source>Lập phiếu tự kê khai cho cả đơn vị…</source>
        <translation>Issue self-declaration forms for the whole unit…</translation>
    </message>
    <message>
        <source>Đối chiếu phiếu kê khai trả về…</source>
        <translation>Review a returned declaration form…</translation>
    </message>
    <message>
        <source>Yêu cầu cung cấp dữ liệu cá nhân…</source>
        <translation>Personal data requests…</translation>
    </message>
    <message>
        <source>Duyệt hoặc trả lại hồ sơ…</source>
        <translation>Approve or return records…</translation>
    </message>
    <message>
        <source>Đồng bộ lên cơ sở dữ liệu thành phố…</source>
        <translation>Sync to the city database…</translation>
    </message>
    <message>
        <source>Xuất gói hồ sơ có ký số…</source>
        <translation>Export signed record package…</translation>
    </message>
    <message>
        <source>Nhập gói hồ sơ…</source>
        <translation>Import record package…</translation>
    </message>
    <message>
        <source>Khoá ký số của các đơn vị…</source>
        <translation>Units&apos; signing keys…</translation>
    </message>
    <message>
        <source>Sao lưu dữ liệu…</source>
        <translation>Back up data…</translation>
    </message>
    <message>
        <source>Khôi phục từ bản sao lưu…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <source>Người dùng và phân quyền…</source>
        <translation>Users and permissions…</translation>
    </message>
    <message>
        <source>Nhật ký xử lý dữ liệu…</source>
        <translation>Data processing log…</translation>
    </message>
    <message>
        <source>Đổi mật khẩu…</source>
        <translation>Change password…</translation>
    </message>
    <message>
        <source>Xung đột số định danh ở CSDL thành phố…</source>
        <translation>Identity conflicts in the city database…</translation>
    </message>
    <message>
        <source>Xoá hồ sơ đang chọn? Hồ sơ đã xoá vẫn có thể khôi phục.</source>
        <translation>Delete the selected record? Deleted records can still be restored.</translation>
    </message>
    <message>
        <source>Khôi phục hồ sơ đã xoá</source>
        <translation>Restore a deleted record</translation>
    </message>
    <message>
        <source>Số CCCD của hồ sơ đã xoá</source>
        <translation>ID number of the deleted record</translation>
    </message>
    <message>
        <source>Lịch sử thay đổi: {name}</source>
        <translation>Change history: {name}</translation>
    </message>
    <message>
        <source>Xoá</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Tạo mới</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Sửa</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Sao lưu dữ liệu</source>
        <translation>Back up data</translation>
    </message>
    <message>
        <source>Đang sao lưu dữ liệu…</source>
        <translation>Backing up data…</translation>
    </message>
    <message>
        <source>Đã sao lưu {people} hồ sơ vào {path}.</source>
        <translation>Backed up {people} record(s) to {path}.</translation>
    </message>
    <message>
        <source>Hãy lưu và đóng các cửa sổ hồ sơ đang mở trước khi khôi phục.</source>
        <translation>Save and close any open record windows before restoring.</translation>
    </message>
    <message>
        <source>Khôi phục từ bản sao lưu</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>Đang kiểm tra bản sao lưu…</source>
        <translation>Checking the backup…</translation>
    </message>
    <message>
        <source>như phiên bản đang dùng</source>
        <translation>same as the version in use</translation>
    </message>
    <message>
        <source>cũ hơn, sẽ được nâng cấp khi mở</source>
        <translation>older; will be upgraded when opened</translation>
    </message>
    <message>
        <source>Bản sao lưu: {path}
Lưu lúc: {created}
Số hồ sơ: {people}
Số đơn vị: {units}
Cấu trúc dữ liệu: {revision} ({schema})</source>
        <translation>Backup: {path}
Saved at: {created}
Records: {people}
Units: {units}
Data structure: {revision} ({schema})</translation>
    </message>
    <message>
        <source>Thay toàn bộ dữ liệu đang dùng ({target}) bằng bản sao lưu này? Dữ liệu hiện tại không bị xoá: tệp được giữ lại bên cạnh với tên …before-restore-….</source>
        <translation>Replace all the data in use ({target}) with this backup? The current data is not deleted: the file is kept alongside it under the name …before-restore-….</translation>
    </message>
    <message>
        <source>Khôi phục</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Tệp cũ được giữ ở {path}.</source>
        <translation>The old file is kept at {path}.</translation>
    </message>
    <message>
        <source>Đã khôi phục {people} hồ sơ từ {path}. {kept}</source>
        <translation>Restored {people} record(s) from {path}. {kept}</translation>
    </message>
    <message>
        <source>Đang khôi phục dữ liệu…</source>
        <translation>Restoring data…</translation>
    </message>
    <message>
        <source>Bản sao lưu tự động khi thoát KHÔNG được tạo: {error}

Dữ liệu của bạn vẫn nguyên vẹn. Lần sau hãy dùng Công cụ → Sao lưu dữ liệu… để sao lưu.</source>
        <translation>The automatic backup at exit was NOT made: {error}

Your data is intact. Next time, use Tools → Back up data… to make a backup.</translation>
    </message>
    <message>
        <source>Thư mục sao lưu tự động</source>
        <translation>Automatic backup folder</translation>
    </message>
    <message>
        <source>Bản sao lưu tự động (mỗi ngày và khi thoát) sẽ được ghi vào {folder}. Giữ {daily} bản hằng ngày và {exit} bản khi thoát gần nhất.</source>
        <translation>Automatic backups (daily and on exit) will be written to {folder}. The latest {daily} daily backups and {exit} exit backups are kept.</translation>
    </message>
    <message>
        <source>Thư mục sao lưu tự động…</source>
        <translation>Automatic backup folder…</translation>
    </message>
    <message>
        <source>Thời điểm</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Người sửa</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Thao tác</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Mục</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Giá trị cũ</source>
        <translation>Old value</translation>
    </message>
    <message>
        <source>Giá trị mới</source>
        <translation>New value</translation>
    </message>
    <message>
        <source>Thêm {count} hồ sơ mẫu vào cơ sở dữ liệu này?</source>
        <translation>Add {count} sample records to this database?</translation>
    </message>
    <message>
        <source>Nạp dữ liệu mẫu</source>
        <translation>Load sample data</translation>
    </message>
    <message>
        <source>Đang tạo hồ sơ mẫu…</source>
        <translation>Creating sample records…</translation>
    </message>
    <message>
        <source>Không dùng được thư mục {folder}: {error}</source>
        <translation>Cannot use folder {folder}: {error}</translation>
    </message>
    <message>
        <source>Tìm theo họ tên, số CCCD, đơn vị… (Ctrl+F)</source>
        <translation>Search by name, ID number, unit… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Giới tính: tất cả</source>
        <translation>Sex: all</translation>
    </message>
    <message>
        <source>Nam</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Nữ</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Loại: tất cả</source>
        <translation>Staff type: all</translation>
    </message>
    <message>
        <source>Mọi tình trạng</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Độ tuổi: tất cả</source>
        <translation>Age: all</translation>
    </message>
    <message>
        <source>Tuổi {band}</source>
        <translation>Age {band}</translation>
    </message>
    <message>
        <source>Đảng viên: tất cả</source>
        <translation>Party membership: all</translation>
    </message>
    <message>
        <source>Là đảng viên</source>
        <translation>Party member</translation>
    </message>
    <message>
        <source>Không là đảng viên</source>
        <translation>Not a Party member</translation>
    </message>
    <message>
        <source>Ngạch: tất cả</source>
        <translation>Grade: all</translation>
    </message>
    <message>
        <source>Gồm đơn vị trực thuộc</source>
        <translation>Include sub-units</translation>
    </message>
    <message>
        <source>{count} hồ sơ</source>
        <translation>{count} record(s)</translation>
    </message>
    <message>
        <source>xếp theo mức độ phù hợp với từ tìm</source>
        <translation>in order of relevance to the search</translation>
    </message>
    <message>
        <source>Ảnh 4 × 6</source>
        <translation>Photo 4 × 6</translation>
    </message>
    <message>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Thông báo nghỉ hưu</source>
        <translation>Retirement notice</translation>
    </message>
    <message>
        <source>Quyết định nghỉ hưu</source>
        <translation>Retirement decision</translation>
    </message>
    <message>
        <source>Nghỉ hưu</source>
        <translation>Retirement</translation>
    </message>
    <message>
        <source>Nâng bậc lương thường xuyên</source>
        <translation>Regular salary step raise</translation>
    </message>
    <message>
        <source>Phụ cấp thâm niên vượt khung</source>
        <translation>Seniority allowance beyond the top step</translation>
    </message>
    <message>
        <source>Hết tập sự</source>
        <translation>End of probation</translation>
    </message>
    <message>
        <source>Bố trí vị trí việc làm</source>
        <translation>Job position placement</translation>
    </message>
    <message>
        <source>Hết thời hạn giữ chức vụ</source>
        <translation>Appointment term ending</translation>
    </message>
    <message>
        <source>Phiếu kê khai chưa nộp lại</source>
        <translation>Declaration form not returned</translation>
    </message>
    <message>
        <source>Yêu cầu dữ liệu cá nhân</source>
        <translation>Personal data request</translation>
    </message>
    <message>
        <source>Chưa kê khai lần đầu</source>
        <translation>First declaration not made</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Không tính được.</source>
        <translation>Could not calculate.</translation>
    </message>
    <message>
        <source>Đơn vị: {unit} (cả đơn vị trực thuộc)</source>
        <translation>Unit: {unit} (including sub-units)</translation>
    </message>
    <message>
        <source>Đơn vị: Tất cả</source>
        <translation>Unit: All</translation>
    </message>
    <message>
        <source>Cảnh báo đến hạn</source>
        <translation>Due-date alerts</translation>
    </message>
    <message>
        <source> tháng</source>
        <translation> months</translation>
    </message>
    <message>
        <source>Đến hạn</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Số CCCD</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Xuất Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>Tính đến ngày</source>
        <translation>As of</translation>
    </message>
    <message>
        <source>trong</source>
        <translation>within</translation>
    </message>
    <message>
        <source>tới (và việc đã quá hạn trong 12 tháng qua, tô đỏ)</source>
        <translation>ahead (and items overdue in the last 12 months, in red)</translation>
    </message>
    <message>
        <source>Nhập ngày tính (dd/mm/yyyy).</source>
        <translation>Enter the reference date (dd/mm/yyyy).</translation>
    </message>
    <message>
        <source>Đang tính…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <source>Tính đến ngày {date}, trong {months} tháng tới.</source>
        <translation>As of {date}, within the next {months} months.</translation>
    </message>
    <message>
        <source>{count} việc, {people} người</source>
        <translation>{count} item(s), {people} person(s)</translation>
    </message>
    <message>
        <source> — {count} việc đã quá hạn (tô đỏ)</source>
        <translation> — {count} overdue item(s) (in red)</translation>
    </message>
    <message>
        <source>Xuất cảnh báo ra Excel</source>
        <translation>Export alerts to Excel</translation>
    </message>
    <message>
        <source>Tệp Excel (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <source>Không có dòng nào để xuất.</source>
        <translation>There are no rows to export.</translation>
    </message>
    <message>
        <source>Đang xuất ra Excel…</source>
        <translation>Exporting to Excel…</translation>
    </message>
    <message>
        <source>Không ghi được tệp Excel: {error}</source>
        <translation>Cannot write the Excel file: {error}</translation>
    </message>
    <message>
        <source>Đã xuất {count} dòng ra {path}</source>
        <translation>Exported {count} row(s) to {path}</translation>
    </message>
    <message>
        <source>Chức vụ</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Ngạch, bậc, hệ số</source>
        <translation>Grade, step, coefficient</translation>
    </message>
    <message>
        <source>Trình độ</source>
        <translation>Qualification</translation>
    </message>
    <message>
        <source>Ngày vào Đảng</source>
        <translation>Party admission date</translation>
    </message>
    <message>
        <source>Ngày nghỉ hưu</source>
        <translation>Retirement date</translation>
    </message>
    <message>
        <source>Nâng bậc lương tiếp</source>
        <translation>Next salary step raise</translation>
    </message>
    <message>
        <source>Tự kê khai</source>
        <translation>Self-declaration</translation>
    </message>
    <message>
        <source>đã kê khai ngày {day}</source>
        <translation>declared on {day}</translation>
    </message>
    <message>
        <source>chưa kê khai lần đầu (hạn {due})</source>
        <translation>first declaration not made (due {due})</translation>
    </message>
    <message>
        <source>chưa kê khai lần đầu</source>
        <translation>first declaration not made</translation>
    </message>
    <message>
        <source> — quá hạn</source>
        <translation> — overdue</translation>
    </message>
    <message>
        <source>Chưa có số liệu</source>
        <translation>No data yet</translation>
    </message>
    <message>
        <source>{label} (mục {item})</source>
        <translation>{label} (item {item})</translation>
    </message>
    <message>
        <source>Số người</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Mức đầy đủ trung bình</source>
        <translation>Average completeness</translation>
    </message>
    <message>
        <source>Số hồ sơ đầy đủ</source>
        <translation>Complete records</translation>
    </message>
    <message>
        <source>Mức đầy đủ</source>
        <translation>Completeness</translation>
    </message>
    <message>
        <source>Mức đầy đủ của hồ sơ</source>
        <translation>Record completeness</translation>
    </message>
    <message>
        <source>Hồ sơ ít đầy đủ nhất</source>
        <translation>Least complete records</translation>
    </message>
    <message>
        <source>Các mục còn thiếu</source>
        <translation>Missing items</translation>
    </message>
    <message>
        <source>{units} đơn vị, {people} người, {complete} hồ sơ đầy đủ</source>
        <translation>{units} unit(s), {people} people, {complete} complete record(s)</translation>
    </message>
    <message>
        <source>Đơn vị có mức đầy đủ thấp nhất ở trên cùng.</source>
        <translation>Units with the lowest completeness are at the top.</translation>
    </message>
    <message>
        <source>Không có hồ sơ đang công tác trong phạm vi này.</source>
        <translation>No records of serving staff in this scope.</translation>
    </message>
    <message>
        <source>Hồ sơ ít đầy đủ nhất của {unit}</source>
        <translation>Least complete records of {unit}</translation>
    </message>
    <message>
        <source>{name} ({ratio}) còn thiếu {count} mục — nhấp đúp để mở hồ sơ:</source>
        <translation>{name} ({ratio}) is missing {count} item(s) — double-click to open the record:</translation>
    </message>
    <message>
        <source>Số CCCD mâu thuẫn với ngày sinh hoặc giới tính</source>
        <translation>ID number contradicts the date of birth or sex</translation>
    </message>
    <message>
        <source>Mã ngạch không có trong danh mục</source>
        <translation>Grade code not in the catalog</translation>
    </message>
    <message>
        <source>Bậc lương vượt quá bậc cao nhất của ngạch</source>
        <translation>Salary step beyond the grade&apos;s top step</translation>
    </message>
    <message>
        <source>Hệ số lương không khớp với bảng lương</source>
        <translation>Salary coefficient does not match the salary table</translation>
    </message>
    <message>
        <source>Quá trình công tác bị gián đoạn</source>
        <translation>Gap in work history</translation>
    </message>
    <message>
        <source>Quá trình công tác trùng thời gian</source>
        <translation>Overlapping work history</translation>
    </message>
    <message>
        <source>Quá trình công tác thiếu ngày kết thúc</source>
        <translation>Work history row without an end date</translation>
    </message>
    <message>
        <source>Quá tuổi nghỉ hưu nhưng vẫn đang công tác</source>
        <translation>Past retirement age but still serving</translation>
    </message>
    <message>
        <source>Ngày hưởng lương ở tương lai</source>
        <translation>Salary effective date in the future</translation>
    </message>
    <message>
        <source>Diễn biến lương không khớp với lương hiện tại</source>
        <translation>Salary history does not match the current salary</translation>
    </message>
    <message>
        <source>Số tháng nâng bậc trước thời hạn không hợp lệ</source>
        <translation>Invalid number of months for an early step raise</translation>
    </message>
    <message>
        <source>Ngày chính thức vào Đảng trước ngày vào Đảng</source>
        <translation>Full Party membership date before the admission date</translation>
    </message>
    <message>
        <source>Kiểm tra chất lượng dữ liệu</source>
        <translation>Data quality check</translation>
    </message>
    <message>
        <source>Vấn đề</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>Chi tiết</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Đang tính cảnh báo đến hạn…</source>
        <translation>Calculating due-date alerts…</translation>
    </message>
    <message>
        <source>Cảnh báo: {count} việc đến hạn trong {months} tháng tới</source>
        <translation>Alerts: {count} item(s) due in the next {months} months</translation>
    </message>
    <message>
        <source>, {count} việc quá hạn</source>
        <translation>, {count} overdue</translation>
    </message>
    <message>
        <source>Nghỉ hưu, nâng bậc lương, phụ cấp thâm niên vượt khung, hết tập sự — tính đến ngày {date}.
Bấm để xem chi tiết (Công cụ → Cảnh báo đến hạn).</source>
        <translation>Retirement, salary step raises, seniority allowance beyond the top step, end of probation — as of {date}.
Click for details (Tools → Due-date alerts).</translation>
    </message>
    <message>
        <source>Tất cả ({count})</source>
        <translation>All ({count})</translation>
    </message>
    <message>
        <source>Nhấp đúp vào một dòng để mở hồ sơ.</source>
        <translation>Double-click a row to open the record.</translation>
    </message>
    <message>
        <source>Không phát hiện vấn đề nào.</source>
        <translation>No issues found.</translation>
    </message>
    <message>
        <source>{issues} vấn đề ở {people} hồ sơ</source>
        <translation>{issues} issue(s) in {people} record(s)</translation>
    </message>
    <message>
        <source>Chưa chọn hồ sơ</source>
        <translation>No record selected</translation>
    </message>
    <message>
        <source>Tất cả đơn vị</source>
        <translation>All units</translation>
    </message>
    <message>
        <source>{name} (đã giải thể)</source>
        <translation>{name} (dissolved)</translation>
    </message>
    <message>
        <source>Đổi tên đơn vị</source>
        <translation>Rename unit</translation>
    </message>
    <message>
        <source>Tên mới</source>
        <translation>New name</translation>
    </message>
    <message>
        <source>(Cấp cao nhất)</source>
        <translation>(Top level)</translation>
    </message>
    <message>
        <source>Chuyển đơn vị</source>
        <translation>Move unit</translation>
    </message>
    <message>
        <source>Đơn vị cấp trên mới</source>
        <translation>New parent unit</translation>
    </message>
    <message>
        <source>Giải thể đơn vị này từ hôm nay?</source>
        <translation>Dissolve this unit as of today?</translation>
    </message>
    <message>
        <source>Giải thể</source>
        <translation>Dissolve</translation>
    </message>
    <message>
        <source>(không rõ)</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <source>Xuất gói hồ sơ có ký số</source>
        <translation>Export signed record package</translation>
    </message>
    <message>
        <source>Gói gồm hồ sơ đã duyệt của đơn vị này và các đơn vị trực thuộc, ký bằng khoá của đơn vị. Sở Nội vụ cần có khoá công khai của đơn vị (lệnh package key) trước khi nhập.</source>
        <translation>The package contains the approved records of this unit and its sub-units, signed with the unit&apos;s key. The Department of Home Affairs (Sở Nội vụ) needs the unit&apos;s public key (the package key command) before importing it.</translation>
    </message>
    <message>
        <source>Lưu khoá công khai để gửi Sở Nội vụ…</source>
        <translation>Save public key to send to the Department of Home Affairs…</translation>
    </message>
    <message>
        <source>Chọn nơi lưu…</source>
        <translation>Choose where to save…</translation>
    </message>
    <message>
        <source>Lưu khoá công khai</source>
        <translation>Save public key</translation>
    </message>
    <message>
        <source>Khoá công khai (*.pub)</source>
        <translation>Public keys (*.pub)</translation>
    </message>
    <message>
        <source>Đã lưu khoá công khai của đơn vị {unit} vào {file}.
Hãy gửi tệp này cho Sở Nội vụ và đọc cho họ dấu vân tay để đối chiếu:
{fingerprint}</source>
        <translation>Saved the public key of unit {unit} to {file}.
Send this file to the Department of Home Affairs (Sở Nội vụ) and read them the fingerprint so they can check it:
{fingerprint}</translation>
    </message>
    <message>
        <source>Nhập gói hồ sơ</source>
        <translation>Import record package</translation>
    </message>
    <message>
        <source>Gói đã được kiểm tra: chữ ký hợp lệ, khoá được tin cậy, mọi tệp đúng mã băm.</source>
        <translation>The package has been checked: the signature is valid, the key is trusted and every file matches its hash.</translation>
    </message>
    <message>
        <source>{persons} hồ sơ, {deleted} hồ sơ đã xoá, {attachments} tệp đính kèm</source>
        <translation>{persons} record(s), {deleted} deleted record(s), {attachments} attachment(s)</translation>
    </message>
    <message>
        <source>Đơn vị gửi</source>
        <translation>Sending unit</translation>
    </message>
    <message>
        <source>Dấu vân tay khoá ký</source>
        <translation>Signing key fingerprint</translation>
    </message>
    <message>
        <source>Nội dung</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>Ngày tạo gói</source>
        <translation>Package created on</translation>
    </message>
    <message>
        <source>Nhập</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Kết quả nhập gói hồ sơ</source>
        <translation>Record package import results</translation>
    </message>
    <message>
        <source>Đơn vị {unit}: {inserted} thêm mới, {updated} cập nhật, {unchanged} không đổi, {deleted} xoá, {rejected} bị từ chối.</source>
        <translation>Unit {unit}: {inserted} added, {updated} updated, {unchanged} unchanged, {deleted} deleted, {rejected} rejected.</translation>
    </message>
    <message>
        <source>Xung đột</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>Từ chối</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Chỉ quản trị viên mới được lập hoặc nhập gói dữ liệu.</source>
        <translation>Only an administrator can create or import data packages.</translation>
    </message>
    <message>
        <source>Lưu gói hồ sơ</source>
        <translation>Save record package</translation>
    </message>
    <message>
        <source>Gói hồ sơ (*.zip)</source>
        <translation>Record packages (*.zip)</translation>
    </message>
    <message>
        <source>Đã ghi gói {file}:
{persons} hồ sơ, {deleted} hồ sơ đã xoá, {attachments} tệp đính kèm.
Dấu vân tay khoá ký: {fingerprint}</source>
        <translation>Wrote package {file}:
{persons} record(s), {deleted} deleted record(s), {attachments} attachment(s).
Signing key fingerprint: {fingerprint}</translation>
    </message>
    <message>
        <source>Đang xuất gói hồ sơ…</source>
        <translation>Exporting record package…</translation>
    </message>
    <message>
        <source>Chọn gói hồ sơ</source>
        <translation>Choose record package</translation>
    </message>
    <message>
        <source>Gói này đã nhập trước đây (ngày {when}); không có gì thay đổi.</source>
        <translation>This package was already imported (on {when}); nothing has changed.</translation>
    </message>
    <message>
        <source>Đang nhập gói hồ sơ…</source>
        <translation>Importing record package…</translation>
    </message>
    <message>
        <source>Đang kiểm tra gói hồ sơ…</source>
        <translation>Checking record package…</translation>
    </message>
    <message>
        <source>Dấu vân tay</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>Ngày tin cậy</source>
        <translation>Trusted on</translation>
    </message>
    <message>
        <source>Người thêm</source>
        <translation>Added by</translation>
    </message>
    <message>
        <source>Hãy đối chiếu dấu vân tay với đơn vị qua điện thoại/công văn trước khi tin cậy.</source>
        <translation>Check the fingerprint with the unit by phone or official letter before trusting it.</translation>
    </message>
    <message>
        <source>{name} (theo tệp khoá)</source>
        <translation>{name} (according to the key file)</translation>
    </message>
    <message>
        <source>(không rõ tên)</source>
        <translation>(name unknown)</translation>
    </message>
    <message>
        <source>Tin cậy khoá ký số của đơn vị {code} — {name}?</source>
        <translation>Trust the signing key of unit {code} — {name}?</translation>
    </message>
    <message>
        <source>Dấu vân tay:</source>
        <translation>Fingerprint:</translation>
    </message>
    <message>
        <source>Sau khi tin cậy, các gói hồ sơ ký bằng khoá này được nhận cho đơn vị {code} và các đơn vị trực thuộc.</source>
        <translation>Once trusted, record packages signed with this key are accepted for unit {code} and its sub-units.</translation>
    </message>
    <message>
        <source>Lưu ý: đơn vị {code} chưa có trong cơ sở dữ liệu này; hồ sơ trong gói của đơn vị sẽ bị từ chối cho tới khi thêm đơn vị.</source>
        <translation>Note: unit {code} is not in this database yet; records in its packages will be rejected until the unit is added.</translation>
    </message>
    <message>
        <source>Đơn vị này đã có {n} khoá khác được tin cậy. Nếu khoá cũ bị mất hoặc được thay, hãy thôi tin cậy khoá cũ.</source>
        <translation>This unit already has {n} other trusted key(s). If an old key was lost or replaced, stop trusting it.</translation>
    </message>
    <message>
        <source>Khoá ký số của các đơn vị</source>
        <translation>Units&apos; signing keys</translation>
    </message>
    <message>
        <source>Sở Nội vụ chỉ nhận gói hồ sơ ký bằng các khoá dưới đây. Mỗi khoá chỉ dùng cho một đơn vị và các đơn vị trực thuộc.</source>
        <translation>The Department of Home Affairs (Sở Nội vụ) only accepts record packages signed with the keys below. Each key is valid for one unit and its sub-units only.</translation>
    </message>
    <message>
        <source>Thêm khoá của đơn vị…</source>
        <translation>Add a unit&apos;s key…</translation>
    </message>
    <message>
        <source>Thôi tin cậy</source>
        <translation>Stop trusting</translation>
    </message>
    <message>
        <source>(chưa có ở cơ sở dữ liệu này)</source>
        <translation>(not in this database yet)</translation>
    </message>
    <message>
        <source>Chọn tệp khoá công khai của đơn vị</source>
        <translation>Choose the unit&apos;s public key file</translation>
    </message>
    <message>
        <source>Khoá công khai (*.pub);;Mọi tệp (*)</source>
        <translation>Public keys (*.pub);;All files (*)</translation>
    </message>
    <message>
        <source>Khoá này đã được tin cậy cho đơn vị {other}, không thể dùng cho đơn vị {code}.</source>
        <translation>This key is already trusted for unit {other} and cannot be used for unit {code}.</translation>
    </message>
    <message>
        <source>Khoá của đơn vị {code} đã được tin cậy từ trước.</source>
        <translation>The key of unit {code} is already trusted.</translation>
    </message>
    <message>
        <source>Tin cậy khoá này</source>
        <translation>Trust this key</translation>
    </message>
    <message>
        <source>Thôi tin cậy khoá ký số của đơn vị {code}?

Dấu vân tay:
{fingerprint}

Từ nay các gói ký bằng khoá này sẽ bị từ chối; hồ sơ đã nhập trước đây vẫn giữ nguyên.</source>
        <translation>Stop trusting the signing key of unit {code}?

Fingerprint:
{fingerprint}

From now on, packages signed with this key will be rejected; records imported earlier stay as they are.</translation>
    </message>
    <message>
        <source>Tất cả thao tác</source>
        <translation>All actions</translation>
    </message>
    <message>
        <source>Thay đổi hồ sơ</source>
        <translation>Record changes</translation>
    </message>
    <message>
        <source>Truy cập, đăng nhập</source>
        <translation>Access and sign-in</translation>
    </message>
    <message>
        <source>Duyệt hồ sơ</source>
        <translation>Record approval</translation>
    </message>
    <message>
        <source>Nhật ký xử lý dữ liệu</source>
        <translation>Data processing log</translation>
    </message>
    <message>
        <source>Chỉ hồ sơ: {name}</source>
        <translation>Only record: {name}</translation>
    </message>
    <message>
        <source>Lọc</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Người thực hiện</source>
        <translation>User</translation>
    </message>
    <message>
        <source>đến ngày</source>
        <translation>to</translation>
    </message>
    <message>
        <source>‹ Trang trước</source>
        <translation>‹ Previous page</translation>
    </message>
    <message>
        <source>Trang sau ›</source>
        <translation>Next page ›</translation>
    </message>
    <message>
        <source>{first}–{last} / {total} mục</source>
        <translation>{first}–{last} of {total} entries</translation>
    </message>
    <message>
        <source>Xuất nhật ký ra Excel</source>
        <translation>Export log to Excel</translation>
    </message>
    <message>
        <source>Đã xuất {count} mục nhật ký ra {file}.</source>
        <translation>Exported {count} log entries to {file}.</translation>
    </message>
    <message>
        <source>Quản trị viên</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Cán bộ nhập liệu</source>
        <translation>Data-entry clerk</translation>
    </message>
    <message>
        <source>Lãnh đạo đơn vị</source>
        <translation>Unit head</translation>
    </message>
    <message>
        <source>Người xem</source>
        <translation>Viewer</translation>
    </message>
    <message>
        <source>Đã duyệt</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Chờ duyệt</source>
        <translation>Awaiting approval</translation>
    </message>
    <message>
        <source>Bị trả lại</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>Gửi duyệt</source>
        <translation>Submit for approval</translation>
    </message>
    <message>
        <source>Sửa vị trí việc làm</source>
        <translation>Edit job position</translation>
    </message>
    <message>
        <source>Thêm vị trí việc làm</source>
        <translation>Add job position</translation>
    </message>
    <message>
        <source>Mã vị trí</source>
        <translation>Position code</translation>
    </message>
    <message>
        <source>Tên vị trí việc làm</source>
        <translation>Job position name</translation>
    </message>
    <message>
        <source>Nhóm</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Mã ngạch tương ứng</source>
        <translation>Matching grade code</translation>
    </message>
    <message>
        <source>Số lượng được duyệt</source>
        <translation>Approved number</translation>
    </message>
    <message>
        <source>Ngày quyết định</source>
        <translation>Decision date</translation>
    </message>
    <message>
        <source>Vị trí việc làm</source>
        <translation>Job position</translation>
    </message>
    <message>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Mã ngạch</source>
        <translation>Grade code</translation>
    </message>
    <message>
        <source>Được duyệt</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Đang giữ</source>
        <translation>Filled</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Vị trí đang giữ</source>
        <translation>Current position</translation>
    </message>
    <message>
        <source>Ngạch của vị trí</source>
        <translation>Position&apos;s grade</translation>
    </message>
    <message>
        <source>Vị trí đề xuất</source>
        <translation>Proposed position</translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Chức danh quy hoạch</source>
        <translation>Planned title</translation>
    </message>
    <message>
        <source>Giai đoạn</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Chức vụ hiện nay</source>
        <translation>Current post</translation>
    </message>
    <message>
        <source>Quyết định</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Lọc theo chức danh (không cần dấu)</source>
        <translation>Filter by title (accents optional)</translation>
    </message>
    <message>
        <source>Thêm…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Sửa…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Thôi áp dụng</source>
        <translation>Retire</translation>
    </message>
    <message>
        <source>Nạp danh mục từ Excel…</source>
        <translation>Load list from Excel…</translation>
    </message>
    <message>
        <source>Bố trí những người đã chọn</source>
        <translation>Place the selected people</translation>
    </message>
    <message>
        <source>Bố trí cả danh sách đã xem</source>
        <translation>Place the whole reviewed list</translation>
    </message>
    <message>
        <source>In danh sách…</source>
        <translation>Print the list…</translation>
    </message>
    <message>
        <source>Danh mục vị trí</source>
        <translation>Positions</translation>
    </message>
    <message>
        <source>Bố trí trước 01/07/2027</source>
        <translation>Placement by 01/07/2027</translation>
    </message>
    <message>
        <source>Đề xuất vị trí theo ngạch đang giữ cho công chức chưa bố trí; xem lại từng dòng rồi bố trí từng người hoặc cả danh sách.</source>
        <translation>Positions proposed by current grade for civil servants not yet placed; review each row, then place people one by one or the whole list.</translation>
    </message>
    <message>
        <source>Đề xuất bố trí</source>
        <translation>Placement proposals</translation>
    </message>
    <message>
        <source>Chức danh</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Quy hoạch</source>
        <translation>Succession planning</translation>
    </message>
    <message>
        <source>Chọn một đơn vị để xem việc bố trí vị trí việc làm.</source>
        <translation>Choose a unit to see its job position placement.</translation>
    </message>
    <message>
        <source>Chưa bố trí</source>
        <translation>Not placed</translation>
    </message>
    <message>
        <source>Ngạch không khớp vị trí</source>
        <translation>Grade does not match position</translation>
    </message>
    <message>
        <source>Công chức: {n}; đã bố trí: {placed}; chưa bố trí: {unplaced}; ngạch không khớp: {mismatched}. Còn {days} ngày đến hạn {deadline}.</source>
        <translation>Civil servants: {n}; placed: {placed}; not placed: {unplaced}; grade mismatch: {mismatched}. {days} days left until the {deadline} deadline.</translation>
    </message>
    <message>
        <source>Chuyên viên cao cấp: {n} ({share}%{cap}).</source>
        <translation>Senior specialists: {n} ({share}%{cap}).</translation>
    </message>
    <message>
        <source>, tối đa {cap}%</source>
        <translation>, at most {cap}%</translation>
    </message>
    <message>
        <source>{n} vị trí</source>
        <translation>{n} position(s)</translation>
    </message>
    <message>
        <source>Cho vị trí {code} — {name} thôi áp dụng từ hôm nay?</source>
        <translation>Retire position {code} — {name} as of today?</translation>
    </message>
    <message>
        <source>Nạp danh mục vị trí việc làm</source>
        <translation>Load job position list</translation>
    </message>
    <message>
        <source>Bố trí {n} người vào vị trí đề xuất từ ngày {day}?</source>
        <translation>Place {n} people in the proposed positions from {day}?</translation>
    </message>
    <message>
        <source>Bố trí</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Danh sách quy hoạch</source>
        <translation>Succession planning list</translation>
    </message>
    <message>
        <source>Tiêu chí chung
(tối đa 30)</source>
        <translation>General criteria
(max 30)</translation>
    </message>
    <message>
        <source>Kết quả nhiệm vụ
(tối đa 70)</source>
        <translation>Task results
(max 70)</translation>
    </message>
    <message>
        <source>Số lượng
(%)</source>
        <translation>Quantity
(%)</translation>
    </message>
    <message>
        <source>Chất lượng
(%)</source>
        <translation>Quality
(%)</translation>
    </message>
    <message>
        <source>Tiến độ
(%)</source>
        <translation>Progress
(%)</translation>
    </message>
    <message>
        <source>Số sai sót
lớn</source>
        <translation>Major
errors</translation>
    </message>
    <message>
        <source>Số lần
chậm</source>
        <translation>Delays</translation>
    </message>
    <message>
        <source>Nghỉ</source>
        <translation>Leave</translation>
    </message>
    <message>
        <source>ốm</source>
        <translation>sick</translation>
    </message>
    <message>
        <source>thai sản</source>
        <translation>maternity</translation>
    </message>
    <message>
        <source>khác</source>
        <translation>other</translation>
    </message>
    <message>
        <source>Nhập điểm đánh giá năm {year}</source>
        <translation>Enter the rating scores of {year}</translation>
    </message>
    <message>
        <source>Theo tháng</source>
        <translation>Monthly</translation>
    </message>
    <message>
        <source>Theo quý</source>
        <translation>Quarterly</translation>
    </message>
    <message>
        <source>Ghi điểm nhiệm vụ, hoặc để trống và ghi đủ số lượng, chất lượng, tiến độ (%): mỗi sai sót lớn trừ 25% điểm chất lượng, mỗi lần chậm trừ 25% điểm tiến độ. Kỳ nghỉ ốm, thai sản: chọn ở cột Nghỉ, không ghi điểm. Dòng để trống: kỳ không có điểm.</source>
        <translation>Enter the task score, or leave it empty and enter quantity, quality and progress (%): each major error takes 25% of the quality points, each delay 25% of the progress points. A period of sick or maternity leave: choose it in the Leave column, without scores. An empty row: a period without a score.</translation>
    </message>
    <message>
        <source>Người được đánh giá</source>
        <translation>Person rated</translation>
    </message>
    <message>
        <source>Kỳ chấm</source>
        <translation>Scored by</translation>
    </message>
    <message>
        <source>Tháng và quý</source>
        <translation>Months and quarters</translation>
    </message>
    <message>
        <source>Quý {n}</source>
        <translation>Quarter {n}</translation>
    </message>
    <message>
        <source>Tháng {n}</source>
        <translation>Month {n}</translation>
    </message>
    <message>
        <source>Chưa chọn người được đánh giá.</source>
        <translation>No person chosen to rate.</translation>
    </message>
    <message>
        <source>Chưa lưu, vì:</source>
        <translation>Not saved, because:</translation>
    </message>
    <message>
        <source>Đánh giá, xếp loại công chức</source>
        <translation>Civil servant performance rating</translation>
    </message>
    <message>
        <source>Điểm bình quân</source>
        <translation>Average score</translation>
    </message>
    <message>
        <source>Xếp loại</source>
        <translation>Rating</translation>
    </message>
    <message>
        <source>Số tháng có điểm</source>
        <translation>Months scored</translation>
    </message>
    <message>
        <source>Nhập điểm…</source>
        <translation>Enter scores…</translation>
    </message>
    <message>
        <source>Nhập điểm từ Excel…</source>
        <translation>Import scores from Excel…</translation>
    </message>
    <message>
        <source>Duyệt kết quả…</source>
        <translation>Approve results…</translation>
    </message>
    <message>
        <source>In bảng xếp loại…</source>
        <translation>Print rating sheet…</translation>
    </message>
    <message>
        <source>Năm</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Chọn một đơn vị.</source>
        <translation>Choose a unit.</translation>
    </message>
    <message>
        <source>chưa xếp loại</source>
        <translation>not rated</translation>
    </message>
    <message>
        <source>Đã lưu điểm của {name}: bình quân năm {score}, {level}.</source>
        <translation>Scores of {name} saved: yearly average {score}, {level}.</translation>
    </message>
    <message>
        <source>Nhập điểm đánh giá</source>
        <translation>Import rating scores</translation>
    </message>
    <message>
        <source>Đọc {read} dòng: thêm {imported}, cập nhật {updated}, từ chối {rejected}.</source>
        <translation>Read {read} rows: {imported} added, {updated} updated, {rejected} rejected.</translation>
    </message>
    <message>
        <source>Dòng {row}, {field}: {message}</source>
        <translation>Row {row}, {field}: {message}</translation>
    </message>
    <message>
        <source>Duyệt kết quả xếp loại năm {year} của {n} người vào hồ sơ?</source>
        <translation>Approve the {year} ratings of {n} people into their records?</translation>
    </message>
    <message>
        <source>(vượt tỷ lệ xuất sắc)</source>
        <translation>(over the excellent quota)</translation>
    </message>
    <message>
        <source>Duyệt</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Bảng xếp loại</source>
        <translation>Rating sheet</translation>
    </message>
    <message>
        <source>Trả lại</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>Không có quyền xem trường này</source>
        <translation>You are not allowed to view this field</translation>
    </message>
    <message>
        <source>Có cột bạn không có quyền xem (hiện ***).</source>
        <translation>Some columns are hidden because you are not allowed to view them (shown as ***).</translation>
    </message>
    <message>
        <source>Tài khoản của bạn chỉ được xem hồ sơ này.</source>
        <translation>Your account can only view this record.</translation>
    </message>
    <message>
        <source>(chỉ xem)</source>
        <translation>(read-only)</translation>
    </message>
    <message>
        <source>Lịch sử…</source>
        <translation>History…</translation>
    </message>
    <message>
        <source>Lịch sử thay đổi và quá trình duyệt của hồ sơ</source>
        <translation>Change and approval history of the record</translation>
    </message>
    <message>
        <source>Hồ sơ bị trả lại: {comment}. Sửa rồi lưu để gửi duyệt lại.</source>
        <translation>Record returned: {comment}. Correct it and save to resubmit it for approval.</translation>
    </message>
    <message>
        <source>Hồ sơ có thay đổi đang chờ lãnh đạo đơn vị duyệt.</source>
        <translation>This record has changes awaiting approval by the unit head.</translation>
    </message>
    <message>
        <source>Lịch sử hồ sơ: {name}</source>
        <translation>Record history: {name}</translation>
    </message>
    <message>
        <source>Thay đổi</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>Phiên bản</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Ý kiến</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Quá trình duyệt</source>
        <translation>Approval history</translation>
    </message>
    <message>
        <source>Nhật ký truy cập</source>
        <translation>Access log</translation>
    </message>
    <message>
        <source>Duyệt hồ sơ: {name}</source>
        <translation>Approve record: {name}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt; — CCCD {cccd} — {unit}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; — ID number {cccd} — {unit}</translation>
    </message>
    <message>
        <source>chưa xếp đơn vị</source>
        <translation>no unit assigned</translation>
    </message>
    <message>
        <source>Trạng thái:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Thay đổi chờ duyệt ({count})</source>
        <translation>Changes awaiting approval ({count})</translation>
    </message>
    <message>
        <source>Quá trình duyệt ({count})</source>
        <translation>Approval history ({count})</translation>
    </message>
    <message>
        <source>Ý kiến của người duyệt (bắt buộc khi trả lại hồ sơ)</source>
        <translation>Reviewer&apos;s comment (required when returning a record)</translation>
    </message>
    <message>
        <source>Hồ sơ không ở trạng thái chờ duyệt.</source>
        <translation>The record is not awaiting approval.</translation>
    </message>
    <message>
        <source>Lý do trả lại: {comment}</source>
        <translation>Reason for return: {comment}</translation>
    </message>
    <message>
        <source>Hãy ghi lý do trả lại hồ sơ để người nhập biết cần sửa gì.</source>
        <translation>Enter the reason for returning the record so the clerk knows what to correct.</translation>
    </message>
    <message>
        <source>Hồ sơ bị trả lại</source>
        <translation>Returned records</translation>
    </message>
    <message>
        <source>Hồ sơ chờ duyệt</source>
        <translation>Records awaiting approval</translation>
    </message>
    <message>
        <source>Người gửi</source>
        <translation>Submitted by</translation>
    </message>
    <message>
        <source>Gửi lúc</source>
        <translation>Submitted at</translation>
    </message>
    <message>
        <source>Xem…</source>
        <translation>View…</translation>
    </message>
    <message>
        <source>Xem và duyệt…</source>
        <translation>View and approve…</translation>
    </message>
    <message>
        <source>đã xoá</source>
        <translation>deleted</translation>
    </message>
    <message>
        <source>{count} hồ sơ bị trả lại: sửa theo ý kiến rồi lưu để gửi duyệt lại.</source>
        <translation>{count} record(s) returned: correct them as commented, then save to resubmit for approval.</translation>
    </message>
    <message>
        <source>Không có hồ sơ nào bị trả lại.</source>
        <translation>No records have been returned.</translation>
    </message>
    <message>
        <source>{count} hồ sơ đang chờ duyệt.</source>
        <translation>{count} record(s) awaiting approval.</translation>
    </message>
    <message>
        <source>Không có hồ sơ nào đang chờ duyệt.</source>
        <translation>No records are awaiting approval.</translation>
    </message>
    <message>
        <source>Người dùng: {name} ({role})</source>
        <translation>User: {name} ({role})</translation>
    </message>
    <message>
        <source>CSDL thành phố — chỉ xem</source>
        <translation>City database — read-only</translation>
    </message>
    <message>
        <source>Hồ sơ có thay đổi của cán bộ nhập liệu chưa được lãnh đạo đơn vị duyệt</source>
        <translation>Records with data-entry clerks&apos; changes not yet approved by the unit head</translation>
    </message>
    <message>
        <source>Hồ sơ chờ duyệt…</source>
        <translation>Records awaiting approval…</translation>
    </message>
    <message>
        <source>{count} hồ sơ bị trả lại</source>
        <translation>{count} record(s) returned</translation>
    </message>
    <message>
        <source>{count} hồ sơ chờ duyệt</source>
        <translation>{count} record(s) awaiting approval</translation>
    </message>
    <message>
        <source>Đã đổi mật khẩu.</source>
        <translation>Password changed.</translation>
    </message>
    <message>
        <source>Thêm tài khoản</source>
        <translation>Add account</translation>
    </message>
    <message>
        <source>Tài khoản {name}</source>
        <translation>Account {name}</translation>
    </message>
    <message>
        <source>Lọc theo tên hoặc mã đơn vị (gõ không dấu được)</source>
        <translation>Filter by unit name or code (accents optional)</translation>
    </message>
    <message>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Đơn vị (gồm cả đơn vị trực thuộc)</source>
        <translation>Unit (including sub-units)</translation>
    </message>
    <message>
        <source>Mật khẩu ban đầu</source>
        <translation>Initial password</translation>
    </message>
    <message>
        <source>Người dùng phải đổi mật khẩu này ở lần đăng nhập đầu tiên. Quản trị viên làm việc với mọi đơn vị.</source>
        <translation>The user must change this password at first sign-in. Administrators work with all units.</translation>
    </message>
    <message>
        <source>Người dùng và phân quyền</source>
        <translation>Users and permissions</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Đăng nhập lần cuối</source>
        <translation>Last sign-in</translation>
    </message>
    <message>
        <source>Thêm tài khoản…</source>
        <translation>Add account…</translation>
    </message>
    <message>
        <source>Đổi vai trò, đơn vị…</source>
        <translation>Change role, unit…</translation>
    </message>
    <message>
        <source>Đặt lại mật khẩu…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>Ngừng sử dụng</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>Tạm khoá đến {time}</source>
        <translation>Locked until {time}</translation>
    </message>
    <message>
        <source>Phải đổi mật khẩu</source>
        <translation>Must change password</translation>
    </message>
    <message>
        <source>Đang dùng</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Mọi đơn vị</source>
        <translation>All units</translation>
    </message>
    <message>
        <source>Mở lại</source>
        <translation>Reactivate</translation>
    </message>
    <message>
        <source>Đặt lại mật khẩu</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>Mật khẩu mới cho {name} (người dùng phải đổi ở lần đăng nhập tới):</source>
        <translation>New password for {name} (the user must change it at next sign-in):</translation>
    </message>
    <message>
        <source>Đã đồng bộ đủ</source>
        <translation>Fully synced</translation>
    </message>
    <message>
        <source>Chưa đồng bộ: {n} hồ sơ</source>
        <translation>Not synced: {n} record(s)</translation>
    </message>
    <message>
        <source>hạn gần nhất {d}</source>
        <translation>next deadline {d}</translation>
    </message>
    <message>
        <source>Đồng bộ thành công: CSDL thành phố đã nhận {ok} hồ sơ.</source>
        <translation>Sync succeeded: the city database accepted {ok} record(s).</translation>
    </message>
    <message>
        <source>Không có hồ sơ nào cần gửi: CSDL thành phố đã có đủ.</source>
        <translation>Nothing to send: the city database is up to date.</translation>
    </message>
    <message>
        <source>Đồng bộ chưa trọn: {ok} hồ sơ đã được nhận, {bad} hồ sơ chưa gửi được (xem lý do bên dưới).</source>
        <translation>Sync partly done: {ok} record(s) accepted, {bad} record(s) could not be sent (see the reasons below).</translation>
    </message>
    <message>
        <source>Đồng bộ không thành công: không hồ sơ nào được nhận — {bad} hồ sơ bị từ chối hoặc xung đột (xem lý do bên dưới).</source>
        <translation>Sync failed: no record was accepted — {bad} record(s) refused or in conflict (see the reasons below).</translation>
    </message>
    <message>
        <source>Đã huỷ đồng bộ: {ok} hồ sơ đã được nhận và giữ nguyên; đồng bộ lại để gửi tiếp.</source>
        <translation>Sync cancelled: {ok} record(s) were accepted and are kept; sync again to send the rest.</translation>
    </message>
    <message>
        <source>{n} hồ sơ bị từ chối: đơn vị chưa có trong CSDL thành phố</source>
        <translation>{n} record(s) refused: the unit is not in the city database</translation>
    </message>
    <message>
        <source>{n} hồ sơ bị từ chối: số định danh (CCCD) đã thuộc một hồ sơ khác ở CSDL thành phố</source>
        <translation>{n} record(s) refused: the ID number already belongs to another record in the city database</translation>
    </message>
    <message>
        <source>{n} hồ sơ bị từ chối: tài khoản đồng bộ không được ghi vào đơn vị của hồ sơ</source>
        <translation>{n} record(s) refused: the sync account may not write to the record&apos;s unit</translation>
    </message>
    <message>
        <source>{n} hồ sơ bị từ chối: hồ sơ chưa ghi đơn vị công tác</source>
        <translation>{n} record(s) refused: the record names no unit</translation>
    </message>
    <message>
        <source>{n} hồ sơ bị từ chối: thiếu nội dung tệp đính kèm</source>
        <translation>{n} record(s) refused: an attached file&apos;s content is missing</translation>
    </message>
    <message>
        <source>{n} hồ sơ xung đột: đã được sửa ở CSDL thành phố sau lần gửi trước, không ghi đè</source>
        <translation>{n} record(s) in conflict: changed in the city database since the last sync, not overwritten</translation>
    </message>
    <message>
        <source>{n} hồ sơ bị CSDL thành phố từ chối ghi</source>
        <translation>{n} record(s) the city database refused to write</translation>
    </message>
    <message>
        <source>{n} hồ sơ bị từ chối vì lý do khác</source>
        <translation>{n} record(s) refused for another reason</translation>
    </message>
    <message>
        <source>Đề nghị Sở Nội vụ thêm các đơn vị này vào CSDL thành phố (đúng mã như trên), rồi đồng bộ lại. Các hồ sơ khác không bị ảnh hưởng.</source>
        <translation>Ask the Department of Home Affairs to add these units to the city database (with exactly these codes), then sync again. Other records are not affected.</translation>
    </message>
    <message>
        <source>Có thể người này đã có hồ sơ ở đơn vị khác. Liên hệ Sở Nội vụ để đối chiếu; không lập hồ sơ mới cho cùng một người.</source>
        <translation>The person may already have a record in another unit. Contact the Department of Home Affairs to compare; do not create a new record for the same person.</translation>
    </message>
    <message>
        <source>Kiểm tra đơn vị ghi trong các hồ sơ này; nếu đúng, đề nghị Sở Nội vụ cấp quyền ghi đơn vị đó cho tài khoản đồng bộ của đơn vị.</source>
        <translation>Check the unit written in these records; if it is right, ask the Department of Home Affairs to let the unit&apos;s sync account write to it.</translation>
    </message>
    <message>
        <source>Mở từng hồ sơ, chọn đơn vị công tác, lưu, rồi đồng bộ lại.</source>
        <translation>Open each record, choose its unit, save, then sync again.</translation>
    </message>
    <message>
        <source>Mở hồ sơ, đính kèm lại tệp còn thiếu, lưu, rồi đồng bộ lại.</source>
        <translation>Open the record, attach the missing file again, save, then sync again.</translation>
    </message>
    <message>
        <source>HoSo không ghi đè dữ liệu đã sửa ở thành phố. Đối chiếu với Sở Nội vụ xem bản nào đúng trước khi sửa tiếp.</source>
        <translation>HoSo does not overwrite data changed at the city. Compare with the Department of Home Affairs which version is right before editing further.</translation>
    </message>
    <message>
        <source>Gửi chi tiết kỹ thuật dưới đây cho quản trị viên.</source>
        <translation>Send the technical details below to the administrator.</translation>
    </message>
    <message>
        <source>Gửi chi tiết dưới đây cho quản trị viên.</source>
        <translation>Send the details below to the administrator.</translation>
    </message>
    <message>
        <source>… và {n} giá trị khác</source>
        <translation>… and {n} more</translation>
    </message>
    <message>
        <source>Đơn vị còn thiếu (mã):</source>
        <translation>Missing units (codes):</translation>
    </message>
    <message>
        <source>Đơn vị (mã):</source>
        <translation>Units (codes):</translation>
    </message>
    <message>
        <source>Tệp:</source>
        <translation>Files:</translation>
    </message>
    <message>
        <source>Số CCCD:</source>
        <translation>ID numbers:</translation>
    </message>
    <message>
        <source>Ví dụ:</source>
        <translation>For example:</translation>
    </message>
    <message>
        <source>… và {n} hồ sơ khác</source>
        <translation>… and {n} more record(s)</translation>
    </message>
    <message>
        <source>Cần làm:</source>
        <translation>What to do:</translation>
    </message>
    <message>
        <source>Chi tiết kỹ thuật:</source>
        <translation>Technical details:</translation>
    </message>
    <message>
        <source>(chưa rõ)</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <source>Không kết nối được máy chủ {server}: không có máy chủ CSDL nào trả lời ở địa chỉ và cổng này. Kiểm tra tên máy chủ, cổng và mạng của cơ quan, hoặc hỏi quản trị viên xem máy chủ có đang chạy không.</source>
        <translation>Could not connect to the server {server}: no database server answers at this address and port. Check the server name, the port and the office network, or ask the administrator whether the server is running.</translation>
    </message>
    <message>
        <source>Không tìm thấy máy chủ có tên này ({server}). Kiểm tra lại ô Máy chủ (hoặc dùng địa chỉ IP) và mạng của cơ quan.</source>
        <translation>No server of this name was found ({server}). Check the Server field (or use the IP address) and the office network.</translation>
    </message>
    <message>
        <source>Máy chủ {server} không trả lời kịp. Kiểm tra mạng rồi thử lại.</source>
        <translation>The server {server} did not answer in time. Check the network and try again.</translation>
    </message>
    <message>
        <source>Sai tên đăng nhập hoặc mật khẩu của CSDL thành phố. Nhập lại đúng tài khoản Sở Nội vụ đã cấp cho đơn vị.</source>
        <translation>Wrong user name or password for the city database. Enter the account the Department of Home Affairs gave the unit.</translation>
    </message>
    <message>
        <source>Máy chủ {server} không có cơ sở dữ liệu tên này. Kiểm tra lại ô Cơ sở dữ liệu (tên do Sở Nội vụ cung cấp).</source>
        <translation>The server {server} has no database of this name. Check the Database field (the name the Department of Home Affairs gave).</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu {server} chưa được chuẩn bị làm CSDL thành phố cho phiên bản HoSo này. Đề nghị quản trị viên ở Sở Nội vụ chạy lệnh &apos;city init&apos;.</source>
        <translation>The database {server} is not prepared as a city database for this HoSo version. Ask the administrator at the Department of Home Affairs to run &apos;city init&apos;.</translation>
    </message>
    <message>
        <source>CSDL thành phố ({server}) dùng phiên bản HoSo khác với máy này. Cần nâng cấp cùng một phiên bản trước khi đồng bộ.</source>
        <translation>The city database ({server}) uses another HoSo version than this computer. Both must be upgraded to the same version before syncing.</translation>
    </message>
    <message>
        <source>Mất kết nối tới CSDL thành phố ({server}) giữa chừng. Phần đã gửi được giữ nguyên; kiểm tra mạng rồi đồng bộ lại để gửi tiếp.</source>
        <translation>The connection to the city database ({server}) was lost midway. What was sent is kept; check the network and sync again to send the rest.</translation>
    </message>
    <message>
        <source>Địa chỉ CSDL thành phố không hợp lệ. Kiểm tra lại máy chủ, cổng và cơ sở dữ liệu.</source>
        <translation>The city database&apos;s address is not valid. Check the server, port and database.</translation>
    </message>
    <message>
        <source>Tài khoản đang đăng nhập không được đồng bộ; chỉ quản trị viên của đơn vị được đồng bộ.</source>
        <translation>The signed-in account may not sync; only the unit&apos;s administrator may.</translation>
    </message>
    <message>
        <source>Đồng bộ gặp lỗi. Gửi chi tiết kỹ thuật dưới đây cho quản trị viên.</source>
        <translation>The sync ran into an error. Send the technical details below to the administrator.</translation>
    </message>
    <message>
        <source>Máy chủ: hãy nhập tên hoặc địa chỉ IP của máy chủ CSDL thành phố.</source>
        <translation>Server: enter the name or IP address of the city database&apos;s server.</translation>
    </message>
    <message>
        <source>Máy chủ: chỉ ghi tên hoặc địa chỉ IP của máy chủ (cổng ghi ở ô Cổng).</source>
        <translation>Server: write only the server&apos;s name or IP address (the port goes in the Port field).</translation>
    </message>
    <message>
        <source>Cổng: phải là một số từ 1 đến 65535.</source>
        <translation>Port: must be a number from 1 to 65535.</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu: hãy nhập tên cơ sở dữ liệu thành phố.</source>
        <translation>Database: enter the name of the city database.</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu: tên không được có khoảng trắng hay các ký tự / ? # @.</source>
        <translation>Database: the name may not contain spaces or the characters / ? # @.</translation>
    </message>
    <message>
        <source>thành công</source>
        <translation>succeeded</translation>
    </message>
    <message>
        <source>không có hồ sơ nào cần gửi</source>
        <translation>nothing to send</translation>
    </message>
    <message>
        <source>chưa trọn, có hồ sơ bị từ chối</source>
        <translation>partly done, some records refused</translation>
    </message>
    <message>
        <source>không thành công</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>không hồ sơ nào được nhận</source>
        <translation>failed, no record accepted</translation>
    </message>
    <message>
        <source>Lần đồng bộ gần nhất: {t}</source>
        <translation>Last sync: {t}</translation>
    </message>
    <message>
        <source>Đồng bộ lên cơ sở dữ liệu thành phố</source>
        <translation>Sync to the city database</translation>
    </message>
    <message>
        <source>tên hoặc địa chỉ IP, ví dụ csdl.sonoivu.gov.vn</source>
        <translation>name or IP address, e.g. csdl.sonoivu.gov.vn</translation>
    </message>
    <message>
        <source>tên do Sở Nội vụ cung cấp, ví dụ hoso_thanhpho</source>
        <translation>the name the Department of Home Affairs gave, e.g. hoso_thanhpho</translation>
    </message>
    <message>
        <source>Ghi nhớ tên đăng nhập và mật khẩu trên máy này</source>
        <translation>Remember username and password on this computer</translation>
    </message>
    <message>
        <source>Hạn gửi</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Máy chủ</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Cổng</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Hồ sơ chờ gửi, hạn gửi và căn cứ (Nghị định 27/2026):</source>
        <translation>Records waiting to be sent, their deadlines and legal basis (Decree 27/2026):</translation>
    </message>
    <message>
        <source>QUÁ HẠN</source>
        <translation>OVERDUE</translation>
    </message>
    <message>
        <source>… và {n} hồ sơ khác (hạn muộn hơn).</source>
        <translation>… and {n} more record(s) (later deadlines).</translation>
    </message>
    <message>
        <source>Đồng bộ không thành công.</source>
        <translation>Sync failed.</translation>
    </message>
    <message>
        <source>Chưa đồng bộ lần nào.</source>
        <translation>Never synced.</translation>
    </message>
    <message>
        <source>Loại thay đổi, thời hạn</source>
        <translation>Kind of change, period</translation>
    </message>
    <message>
        <source>Căn cứ</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>Đang đồng bộ…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>Đang gửi hồ sơ lên thành phố…</source>
        <translation>Sending records to the city…</translation>
    </message>
    <message>
        <source>đã huỷ</source>
        <translation>canceled</translation>
    </message>
    <message>
        <source>bị ngắt giữa chừng</source>
        <translation>interrupted</translation>
    </message>
    <message>
        <source>Thay đổi từ quy trình nghiệp vụ trong HoSo</source>
        <translation>Change from a process completed in HoSo</translation>
    </message>
    <message>
        <source>Thay đổi khác của cơ quan</source>
        <translation>Other change by the agency</translation>
    </message>
    <message>
        <source>Kê khai lần đầu của hồ sơ mới lập</source>
        <translation>First declaration of a new record</translation>
    </message>
    <message>
        <source>{n} ngày làm việc</source>
        <translation>{n} working day(s)</translation>
    </message>
    <message>
        <source>{n} ngày</source>
        <translation>{n} day(s)</translation>
    </message>
    <message>
        <source>Điều {article} Nghị định {number}</source>
        <translation>Article {article}, Decree {number}</translation>
    </message>
    <message>
        <source>{n} hồ sơ quá hạn</source>
        <translation>{n} overdue</translation>
    </message>
    <message>
        <source>Hạn gần nhất: {d} — {rule}</source>
        <translation>Next deadline: {d} — {rule}</translation>
    </message>
    <message>
        <source>{n} hồ sơ đã quá hạn gửi lên thành phố (NĐ 27/2026)</source>
        <translation>{n} record(s) past their deadline for the city (Decree 27/2026)</translation>
    </message>
    <message>
        <source>Công cụ → Đồng bộ lên cơ sở dữ liệu thành phố: xem từng hồ sơ và hạn gửi.</source>
        <translation>Tools → Sync to the city database: see each record and its deadline.</translation>
    </message>
    <message>
        <source>Đã gửi {sent} hồ sơ: thêm mới {inserted}, cập nhật {updated}, không đổi {unchanged}, xoá {deleted}, từ chối {rejected}, xung đột {conflicts}.</source>
        <translation>Sent {sent} record(s): {inserted} added, {updated} updated, {unchanged} unchanged, {deleted} deleted, {rejected} rejected, {conflicts} conflict(s).</translation>
    </message>
    <message>
        <source>Hãy chọn một người trong danh sách để lập phiếu kê khai.</source>
        <translation>Select a person in the list to issue a declaration form.</translation>
    </message>
    <message>
        <source>Lưu phiếu kê khai</source>
        <translation>Save declaration form</translation>
    </message>
    <message>
        <source>Bảng tính Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Đã lập phiếu kê khai của {name} vào {file}. Gửi tệp cho người kê khai; khi nhận lại, chọn Hồ sơ → Đối chiếu phiếu kê khai trả về.</source>
        <translation>Issued the declaration form of {name} to {file}. Send the file to the person; when it comes back, choose Records → Review a returned declaration form.</translation>
    </message>
    <message>
        <source>Hãy chọn một đơn vị trong cây đơn vị.</source>
        <translation>Select a unit in the unit tree.</translation>
    </message>
    <message>
        <source>Thư mục lưu các phiếu kê khai</source>
        <translation>Folder for the declaration forms</translation>
    </message>
    <message>
        <source>Không lập được phiếu: {error}</source>
        <translation>Could not issue the forms: {error}</translation>
    </message>
    <message>
        <source>Đang lập phiếu kê khai…</source>
        <translation>Issuing declaration forms…</translation>
    </message>
    <message>
        <source>Đã lập {count} phiếu kê khai vào {folder}.</source>
        <translation>Issued {count} declaration form(s) to {folder}.</translation>
    </message>
    <message>
        <source>Mở phiếu kê khai trả về</source>
        <translation>Open a returned declaration form</translation>
    </message>
    <message>
        <source>Nhận</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>Thông tin</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Hiện tại</source>
        <translation>Current</translation>
    </message>
    <message>
        <source>Kê khai</source>
        <translation>Declared</translation>
    </message>
    <message>
        <source>Khi lập phiếu</source>
        <translation>When issued</translation>
    </message>
    <message>
        <source>Lỗi</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Đối chiếu phiếu kê khai — {name}</source>
        <translation>Review declaration form — {name}</translation>
    </message>
    <message>
        <source>Phiếu kê khai của {name} (CCCD {cccd}): {changes} thay đổi, {problems} lỗi.</source>
        <translation>Declaration form of {name} (ID {cccd}): {changes} change(s), {problems} problem(s).</translation>
    </message>
    <message>
        <source>Hồ sơ đã thay đổi từ khi lập phiếu (phiên bản {a} → {b}): các thay đổi xung đột (nền vàng) chỉ được nhận khi đánh dấu.</source>
        <translation>The record changed after the form was issued (version {a} → {b}): conflicting changes (yellow) are accepted only when ticked.</translation>
    </message>
    <message>
        <source>Ghi chú của người nhận (đã đối chiếu giấy tờ…)</source>
        <translation>Reviewer&apos;s note (documents checked…)</translation>
    </message>
    <message>
        <source>Chọn tất cả</source>
        <translation>Select all</translation>
    </message>
    <message>
        <source>Bỏ chọn tất cả</source>
        <translation>Select none</translation>
    </message>
    <message>
        <source>Nhận các thay đổi đã chọn</source>
        <translation>Accept the selected changes</translation>
    </message>
    <message>
        <source>Ghi chú:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>xung đột: hồ sơ đã đổi từ khi lập phiếu</source>
        <translation>conflict: the record changed after the form was issued</translation>
    </message>
    <message>
        <source>Chưa chọn thay đổi nào để nhận.</source>
        <translation>No change selected to accept.</translation>
    </message>
    <message>
        <source>Phiếu kê khai của {name} đã được nhận trước đây và không còn thay đổi nào: không ghi gì thêm.</source>
        <translation>The declaration of {name} was already accepted and has no change left: nothing more was recorded.</translation>
    </message>
    <message>
        <source>Đã nhận {count} thay đổi kê khai của {name}; hồ sơ chờ lãnh đạo duyệt.</source>
        <translation>Accepted {count} declared change(s) of {name}; the record awaits the unit head&apos;s approval.</translation>
    </message>
    <message>
        <source>Đã ghi nhận phiếu kê khai của {name}; hồ sơ không thay đổi.</source>
        <translation>Recorded the declaration form of {name}; the record did not change.</translation>
    </message>
    <message>
        <source>Hãy chọn một người trong danh sách.</source>
        <translation>Select a person in the list.</translation>
    </message>
    <message>
        <source>Yêu cầu cung cấp dữ liệu cá nhân</source>
        <translation>Personal data requests</translation>
    </message>
    <message>
        <source>Ngày nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Hạn trả lời</source>
        <translation>Answer due</translation>
    </message>
    <message>
        <source>Ngày trả lời</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>Ghi nhận yêu cầu</source>
        <translation>Record request</translation>
    </message>
    <message>
        <source>Trả lời: xuất hồ sơ và nhật ký xử lý…</source>
        <translation>Answer: export the record and the processing log…</translation>
    </message>
    <message>
        <source>Ngày nhận:</source>
        <translation>Received:</translation>
    </message>
    <message>
        <source>Hồ sơ đầy đủ (PDF và bảng tính) và danh sách ai đã xem, in, xuất, sửa hồ sơ, theo Luật Bảo vệ dữ liệu cá nhân.</source>
        <translation>The complete record (PDF and spreadsheet) and the list of who viewed, printed, exported or changed it, under the Personal Data Protection Law.</translation>
    </message>
    <message>
        <source>Nhập ngày nhận yêu cầu (dd/mm/yyyy).</source>
        <translation>Enter the date the request was received (dd/mm/yyyy).</translation>
    </message>
    <message>
        <source>Hãy chọn yêu cầu cần trả lời.</source>
        <translation>Select the request to answer.</translation>
    </message>
    <message>
        <source>Thư mục lưu hồ sơ trả lời</source>
        <translation>Folder for the answer</translation>
    </message>
    <message>
        <source>Đã xuất {count} tệp vào {folder}: {files}.</source>
        <translation>Exported {count} file(s) to {folder}: {files}.</translation>
    </message>
    <message>
        <source>Xung đột số định danh ở CSDL thành phố</source>
        <translation>Identity conflicts in the city database</translation>
    </message>
    <message>
        <source>Hồ sơ các đơn vị gửi lên bị từ chối vì số định danh (CCCD, mã hồ sơ) đã thuộc hồ sơ của đơn vị khác. Đơn vị chỉ nhận thông báo chung; Sở Nội vụ đối chiếu và xử lý với các đơn vị.</source>
        <translation>Records sent by units that were refused because their identity number (CCCD, record id) belongs to another unit&apos;s record. The unit only received a generic notice; the Department of Home Affairs checks and settles them with the units.</translation>
    </message>
    <message>
        <source>Không có xung đột số định danh nào.</source>
        <translation>There are no identity conflicts.</translation>
    </message>
</context>
<context>
    <name>AppTexts</name>
    <message>
        <source>Tên đăng nhập hoặc mật khẩu không đúng.</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <source>Nam</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Nữ</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>hồ sơ chưa ghi phụ cấp</source>
        <translation>the allowance is not recorded yet</translation>
    </message>
    <message>
        <source>Chưa bố trí vị trí việc làm</source>
        <translation>No job position assigned</translation>
    </message>
    <message>
        <source>năm xếp loại không hoàn thành nhiệm vụ không được tính vào thời gian xét nâng bậc lương thường xuyên</source>
        <translation>a year rated as not completing duties does not count towards the regular salary step raise</translation>
    </message>
    <message>
        <source>chưa có người trong quy hoạch chức danh này</source>
        <translation>no one is in the succession planning for this position</translation>
    </message>
    <message>
        <source>Tệp {path} rỗng (0 byte), không phải cơ sở dữ liệu HoSo; tệp không bị thay đổi. Để tạo cơ sở dữ liệu mới, hãy chọn một tên tệp chưa có.</source>
        <translation>The file {path} is empty (0 bytes), not a HoSo database; the file was not changed. To create a new database, choose a file name that does not exist yet.</translation>
    </message>
    <message>
        <source>Tệp {path} không phải là cơ sở dữ liệu HoSo (không phải tệp SQLite).</source>
        <translation>The file {path} is not a HoSo database (not an SQLite file).</translation>
    </message>
    <message>
        <source>Tệp {path} bị hỏng hoặc không phải cơ sở dữ liệu HoSo: {error}</source>
        <translation>The file {path} is damaged or not a HoSo database: {error}</translation>
    </message>
    <message>
        <source>Không đọc được tệp {path} lúc này ({error}); tệp không bị coi là hỏng và không bị thay đổi. Hãy đóng các chương trình khác đang dùng tệp rồi mở lại.</source>
        <translation>The file {path} cannot be read at the moment ({error}); it is not considered damaged and was not changed. Close the other programs using the file, then open it again.</translation>
    </message>
    <message>
        <source>Tệp {path} là cơ sở dữ liệu của chương trình khác, không phải của HoSo.</source>
        <translation>The file {path} is another program&apos;s database, not HoSo&apos;s.</translation>
    </message>
    <message>
        <source>Thư mục chứa cơ sở dữ liệu không tồn tại: {path}</source>
        <translation>The database&apos;s folder does not exist: {path}</translation>
    </message>
    <message>
        <source>Hết thời gian tập sự ngày {date}</source>
        <translation>Probation ends on {date}</translation>
    </message>
    <message>
        <source>Thông báo nghỉ hưu chậm nhất ngày {date} ({about})</source>
        <translation>Retirement notice due by {date} ({about})</translation>
    </message>
    <message>
        <source>Ra quyết định nghỉ hưu chậm nhất ngày {date} ({about})</source>
        <translation>Retirement decision due by {date} ({about})</translation>
    </message>
    <message>
        <source>nghỉ hưu ngày {date}, {age}</source>
        <translation>retires on {date}, {age}</translation>
    </message>
    <message>
        <source>Nghỉ hưu ngày {date} ({age})</source>
        <translation>Retires on {date} ({age})</translation>
    </message>
    <message>
        <source>hưởng lương hưu từ {date}</source>
        <translation>pension from {date}</translation>
    </message>
    <message>
        <source>{years} tuổi {months} tháng</source>
        <translation>aged {years} years {months} months</translation>
    </message>
    <message>
        <source>{years} tuổi</source>
        <translation>aged {years}</translation>
    </message>
    <message>
        <source>Bắt đầu hưởng phụ cấp thâm niên vượt khung {percent} % từ ngày {date} ({where})</source>
        <translation>Seniority allowance beyond the top step starts at {percent} % on {date} ({where})</translation>
    </message>
    <message>
        <source>Nâng phụ cấp thâm niên vượt khung {percent} % từ ngày {date} ({where})</source>
        <translation>Seniority allowance beyond the top step rises to {percent} % on {date} ({where})</translation>
    </message>
    <message>
        <source>bậc {step}/{steps} ngạch {grade}, hệ số {coefficient}</source>
        <translation>step {step}/{steps}, grade {grade}, coefficient {coefficient}</translation>
    </message>
    <message>
        <source>kéo dài {months} tháng do kỷ luật</source>
        <translation>delayed {months} month(s) by a disciplinary measure</translation>
    </message>
    <message>
        <source>Nâng từ bậc {step} (hệ số {coefficient}) lên bậc {next} (hệ số {next_coefficient}), ngạch {grade}, loại {salary_class}</source>
        <translation>Raise from step {step} (coefficient {coefficient}) to step {next} (coefficient {next_coefficient}), grade {grade}, class {salary_class}</translation>
    </message>
    <message>
        <source>nâng trước thời hạn {months} tháng</source>
        <translation>raised {months} month(s) early</translation>
    </message>
    <message>
        <source>năm {years} xếp loại không hoàn thành nhiệm vụ: {consequence} [chưa xác nhận]</source>
        <translation>rated as not completing duties in {years}: {consequence} [unconfirmed]</translation>
    </message>
    <message>
        <source>năm {years} xếp loại không hoàn thành nhiệm vụ: {consequence}</source>
        <translation>rated as not completing duties in {years}: {consequence}</translation>
    </message>
    <message>
        <source>hạn {date} (còn {days} ngày)</source>
        <translation>due {date} ({days} day(s) left)</translation>
    </message>
    <message>
        <source>chưa bố trí vị trí việc làm (hạn {date})</source>
        <translation>no job position assigned (due {date})</translation>
    </message>
    <message>
        <source>Hết thời hạn giữ chức vụ {title} ngày {date}</source>
        <translation>Term in the position {title} ends on {date}</translation>
    </message>
    <message>
        <source>Hết thời hạn giữ chức vụ ngày {date}</source>
        <translation>Term in the position ends on {date}</translation>
    </message>
    <message>
        <source>Phiếu kê khai lập ngày {date} chưa nộp lại (hạn {due})</source>
        <translation>Declaration form issued on {date} not returned (due {due})</translation>
    </message>
    <message>
        <source>Yêu cầu cung cấp dữ liệu cá nhân nhận ngày {date}, phải trả lời trước {due}</source>
        <translation>Personal data request received on {date}, to be answered by {due}</translation>
    </message>
    <message>
        <source>Chưa kê khai lần đầu (hạn {due})</source>
        <translation>First declaration not made (due {due})</translation>
    </message>
    <message>
        <source>trong quy hoạch: {count} người ({names})</source>
        <translation>in the succession planning: {count} person(s) ({names})</translation>
    </message>
    <message>
        <source>{names} và {count} người khác</source>
        <translation>{names} and {count} more</translation>
    </message>
    <message>
        <source>Quá hạn: </source>
        <translation>Overdue: </translation>
    </message>
</context>
<context>
    <name>BackgroundOp</name>
    <message>
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Catalogs</name>
    <message>
        <source>Kinh</source>
        <translation>Kinh</translation>
    </message>
    <message>
        <source>Tày</source>
        <translation>Tay</translation>
    </message>
    <message>
        <source>Thái</source>
        <translation>Thai</translation>
    </message>
    <message>
        <source>Hoa</source>
        <translation>Hoa</translation>
    </message>
    <message>
        <source>Khơ-me</source>
        <translation>Kho-me</translation>
    </message>
    <message>
        <source>Mường</source>
        <translation>Muong</translation>
    </message>
    <message>
        <source>Nùng</source>
        <translation>Nung</translation>
    </message>
    <message>
        <source>H&apos;Mông</source>
        <translation>H&apos;Mong</translation>
    </message>
    <message>
        <source>Dao</source>
        <translation>Dao</translation>
    </message>
    <message>
        <source>Gia-rai</source>
        <translation>Gia-rai</translation>
    </message>
    <message>
        <source>Ngái</source>
        <translation>Ngai</translation>
    </message>
    <message>
        <source>Ê-đê</source>
        <translation>E-de</translation>
    </message>
    <message>
        <source>Ba-na</source>
        <translation>Ba-na</translation>
    </message>
    <message>
        <source>Xơ-đăng</source>
        <translation>Xo-dang</translation>
    </message>
    <message>
        <source>Sán Chay</source>
        <translation>San Chay</translation>
    </message>
    <message>
        <source>Cơ-ho</source>
        <translation>Co-ho</translation>
    </message>
    <message>
        <source>Chăm</source>
        <translation>Cham</translation>
    </message>
    <message>
        <source>Sán Dìu</source>
        <translation>San Diu</translation>
    </message>
    <message>
        <source>Hrê</source>
        <translation>Hre</translation>
    </message>
    <message>
        <source>Mnông</source>
        <translation>Mnong</translation>
    </message>
    <message>
        <source>Ra-glai</source>
        <translation>Ra-glai</translation>
    </message>
    <message>
        <source>Xtiêng</source>
        <translation>Xtieng</translation>
    </message>
    <message>
        <source>Bru-Vân Kiều</source>
        <translation>Bru-Van Kieu</translation>
    </message>
    <message>
        <source>Thổ</source>
        <translation>Tho</translation>
    </message>
    <message>
        <source>Giáy</source>
        <translation>Giay</translation>
    </message>
    <message>
        <source>Cơ-tu</source>
        <translation>Co-tu</translation>
    </message>
    <message>
        <source>Gié-Triêng</source>
        <translation>Gie-Trieng</translation>
    </message>
    <message>
        <source>Mạ</source>
        <translation>Ma</translation>
    </message>
    <message>
        <source>Khơ-mú</source>
        <translation>Kho-mu</translation>
    </message>
    <message>
        <source>Co</source>
        <translation>Co</translation>
    </message>
    <message>
        <source>Tà-ôi</source>
        <translation>Ta-oi</translation>
    </message>
    <message>
        <source>Chơ-ro</source>
        <translation>Cho-ro</translation>
    </message>
    <message>
        <source>Kháng</source>
        <translation>Khang</translation>
    </message>
    <message>
        <source>Xinh-mun</source>
        <translation>Xinh-mun</translation>
    </message>
    <message>
        <source>Hà Nhì</source>
        <translation>Ha Nhi</translation>
    </message>
    <message>
        <source>Chu-ru</source>
        <translation>Chu-ru</translation>
    </message>
    <message>
        <source>Lào</source>
        <translation>Lao</translation>
    </message>
    <message>
        <source>La Chí</source>
        <translation>La Chi</translation>
    </message>
    <message>
        <source>La Ha</source>
        <translation>La Ha</translation>
    </message>
    <message>
        <source>Phù Lá</source>
        <translation>Phu La</translation>
    </message>
    <message>
        <source>La Hủ</source>
        <translation>La Hu</translation>
    </message>
    <message>
        <source>Lự</source>
        <translation>Lu</translation>
    </message>
    <message>
        <source>Lô Lô</source>
        <translation>Lo Lo</translation>
    </message>
    <message>
        <source>Chứt</source>
        <translation>Chut</translation>
    </message>
    <message>
        <source>Mảng</source>
        <translation>Mang</translation>
    </message>
    <message>
        <source>Pà Thẻn</source>
        <translation>Pa Then</translation>
    </message>
    <message>
        <source>Co Lao</source>
        <translation>Co Lao</translation>
    </message>
    <message>
        <source>Cống</source>
        <translation>Cong</translation>
    </message>
    <message>
        <source>Bố Y</source>
        <translation>Bo Y</translation>
    </message>
    <message>
        <source>Si La</source>
        <translation>Si La</translation>
    </message>
    <message>
        <source>Pu Péo</source>
        <translation>Pu Peo</translation>
    </message>
    <message>
        <source>Brâu</source>
        <translation>Brau</translation>
    </message>
    <message>
        <source>Ơ Đu</source>
        <translation>O Du</translation>
    </message>
    <message>
        <source>Rơ-măm</source>
        <translation>Ro-mam</translation>
    </message>
    <message>
        <source>Người nước ngoài</source>
        <translation>Foreigner</translation>
    </message>
    <message>
        <source>Không rõ</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Không</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Phật giáo</source>
        <translation>Buddhism</translation>
    </message>
    <message>
        <source>Công giáo</source>
        <translation>Catholicism</translation>
    </message>
    <message>
        <source>Tin lành</source>
        <translation>Protestantism</translation>
    </message>
    <message>
        <source>Cao Đài</source>
        <translation>Cao Dai</translation>
    </message>
    <message>
        <source>Phật giáo Hòa Hảo</source>
        <translation>Hoa Hao Buddhism</translation>
    </message>
    <message>
        <source>Tôn giáo Baha&apos;i</source>
        <translation>Baha&apos;i Faith</translation>
    </message>
    <message>
        <source>Tịnh độ Cư sỹ Phật hội Việt Nam</source>
        <translation>Pure Land Buddhist Home Practice Association of Vietnam</translation>
    </message>
    <message>
        <source>Đạo Tứ Ân Hiếu nghĩa</source>
        <translation>Tu An Hieu Nghia</translation>
    </message>
    <message>
        <source>Giáo hội Phật đường Nam Tông Minh Sư đạo</source>
        <translation>Nam Tong Minh Su Dao Buddhist Church</translation>
    </message>
    <message>
        <source>Hội thánh Minh lý đạo - Tam Tông Miếu</source>
        <translation>Minh Ly Dao - Tam Tong Mieu Church</translation>
    </message>
    <message>
        <source>Chăm Bà la môn</source>
        <translation>Cham Brahmanism</translation>
    </message>
    <message>
        <source>Giáo hội Các thánh hữu Ngày sau của Chúa Giê su Ky tô (Mormon)</source>
        <translation>The Church of Jesus Christ of Latter-day Saints (Mormon)</translation>
    </message>
    <message>
        <source>Phật giáo Hiếu Nghĩa Tà Lơn</source>
        <translation>Hieu Nghia Ta Lon Buddhism</translation>
    </message>
    <message>
        <source>Giáo hội Cơ đốc Phục lâm Việt Nam</source>
        <translation>Seventh-day Adventist Church of Vietnam</translation>
    </message>
    <message>
        <source>Hồi giáo</source>
        <translation>Islam</translation>
    </message>
    <message>
        <source>Bửu Sơn Kỳ Hương</source>
        <translation>Buu Son Ky Huong</translation>
    </message>
    <message>
        <source>Thành phố Hà Nội</source>
        <translation>Ha Noi City</translation>
    </message>
    <message>
        <source>Tỉnh Cao Bằng</source>
        <translation>Cao Bang Province</translation>
    </message>
    <message>
        <source>Tỉnh Tuyên Quang</source>
        <translation>Tuyen Quang Province</translation>
    </message>
    <message>
        <source>Tỉnh Điện Biên</source>
        <translation>Dien Bien Province</translation>
    </message>
    <message>
        <source>Tỉnh Lai Châu</source>
        <translation>Lai Chau Province</translation>
    </message>
    <message>
        <source>Tỉnh Sơn La</source>
        <translation>Son La Province</translation>
    </message>
    <message>
        <source>Tỉnh Lào Cai</source>
        <translation>Lao Cai Province</translation>
    </message>
    <message>
        <source>Tỉnh Thái Nguyên</source>
        <translation>Thai Nguyen Province</translation>
    </message>
    <message>
        <source>Tỉnh Lạng Sơn</source>
        <translation>Lang Son Province</translation>
    </message>
    <message>
        <source>Tỉnh Quảng Ninh</source>
        <translation>Quang Ninh Province</translation>
    </message>
    <message>
        <source>Tỉnh Bắc Ninh</source>
        <translation>Bac Ninh Province</translation>
    </message>
    <message>
        <source>Tỉnh Phú Thọ</source>
        <translation>Phu Tho Province</translation>
    </message>
    <message>
        <source>Thành phố Hải Phòng</source>
        <translation>Hai Phong City</translation>
    </message>
    <message>
        <source>Tỉnh Hưng Yên</source>
        <translation>Hung Yen Province</translation>
    </message>
    <message>
        <source>Tỉnh Ninh Bình</source>
        <translation>Ninh Binh Province</translation>
    </message>
    <message>
        <source>Tỉnh Thanh Hóa</source>
        <translation>Thanh Hoa Province</translation>
    </message>
    <message>
        <source>Tỉnh Nghệ An</source>
        <translation>Nghe An Province</translation>
    </message>
    <message>
        <source>Tỉnh Hà Tĩnh</source>
        <translation>Ha Tinh Province</translation>
    </message>
    <message>
        <source>Tỉnh Quảng Trị</source>
        <translation>Quang Tri Province</translation>
    </message>
    <message>
        <source>Thành phố Huế</source>
        <translation>Hue City</translation>
    </message>
    <message>
        <source>Thành phố Đà Nẵng</source>
        <translation>Da Nang City</translation>
    </message>
    <message>
        <source>Tỉnh Quảng Ngãi</source>
        <translation>Quang Ngai Province</translation>
    </message>
    <message>
        <source>Tỉnh Gia Lai</source>
        <translation>Gia Lai Province</translation>
    </message>
    <message>
        <source>Tỉnh Khánh Hòa</source>
        <translation>Khanh Hoa Province</translation>
    </message>
    <message>
        <source>Tỉnh Đắk Lắk</source>
        <translation>Dak Lak Province</translation>
    </message>
    <message>
        <source>Tỉnh Lâm Đồng</source>
        <translation>Lam Dong Province</translation>
    </message>
    <message>
        <source>Tỉnh Đồng Nai</source>
        <translation>Dong Nai Province</translation>
    </message>
    <message>
        <source>Thành phố Hồ Chí Minh</source>
        <translation>Ho Chi Minh City</translation>
    </message>
    <message>
        <source>Tỉnh Tây Ninh</source>
        <translation>Tay Ninh Province</translation>
    </message>
    <message>
        <source>Tỉnh Đồng Tháp</source>
        <translation>Dong Thap Province</translation>
    </message>
    <message>
        <source>Tỉnh Vĩnh Long</source>
        <translation>Vinh Long Province</translation>
    </message>
    <message>
        <source>Tỉnh An Giang</source>
        <translation>An Giang Province</translation>
    </message>
    <message>
        <source>Thành phố Cần Thơ</source>
        <translation>Can Tho City</translation>
    </message>
    <message>
        <source>Tỉnh Cà Mau</source>
        <translation>Ca Mau Province</translation>
    </message>
    <message>
        <source>Tiến sĩ khoa học</source>
        <translation>Doctor of Science</translation>
    </message>
    <message>
        <source>Tiến sĩ</source>
        <translation>Doctorate (PhD)</translation>
    </message>
    <message>
        <source>Chuyên khoa II</source>
        <translation>Specialist level II</translation>
    </message>
    <message>
        <source>Thạc sĩ</source>
        <translation>Master&apos;s degree</translation>
    </message>
    <message>
        <source>Chuyên khoa I</source>
        <translation>Specialist level I</translation>
    </message>
    <message>
        <source>Đại học</source>
        <translation>Bachelor&apos;s degree</translation>
    </message>
    <message>
        <source>Cao đẳng</source>
        <translation>College diploma</translation>
    </message>
    <message>
        <source>Trung cấp</source>
        <translation>Intermediate</translation>
    </message>
    <message>
        <source>Sơ cấp</source>
        <translation>Elementary</translation>
    </message>
    <message>
        <source>Chưa qua đào tạo</source>
        <translation>Not trained</translation>
    </message>
    <message>
        <source>Cử nhân</source>
        <translation>Bachelor</translation>
    </message>
    <message>
        <source>Cao cấp</source>
        <translation>Advanced</translation>
    </message>
    <message>
        <source>Chuyên viên cao cấp và tương đương</source>
        <translation>Senior principal specialist or equivalent</translation>
    </message>
    <message>
        <source>Chuyên viên chính và tương đương</source>
        <translation>Principal specialist or equivalent</translation>
    </message>
    <message>
        <source>Chuyên viên và tương đương</source>
        <translation>Specialist or equivalent</translation>
    </message>
    <message>
        <source>Cán sự</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>Chính quy</source>
        <translation>Full-time</translation>
    </message>
    <message>
        <source>Tại chức</source>
        <translation>In-service</translation>
    </message>
    <message>
        <source>Chuyên tu</source>
        <translation>Specialised in-service</translation>
    </message>
    <message>
        <source>Bồi dưỡng</source>
        <translation>Refresher training</translation>
    </message>
    <message>
        <source>Vừa làm vừa học</source>
        <translation>Work-study</translation>
    </message>
    <message>
        <source>Từ xa</source>
        <translation>Distance learning</translation>
    </message>
    <message>
        <source>Liên thông</source>
        <translation>Articulation (bridging)</translation>
    </message>
    <message>
        <source>Giáo sư</source>
        <translation>Professor</translation>
    </message>
    <message>
        <source>Phó giáo sư</source>
        <translation>Associate professor</translation>
    </message>
</context>
<context>
    <name>CccdCheck</name>
    <message>
        <source>chưa xếp đơn vị</source>
        <translation>no unit assigned</translation>
    </message>
    <message>
        <source>Số CCCD này đã có trong hồ sơ của {name} (đơn vị {unit})</source>
        <translation>This ID number is already in the record of {name} (unit: {unit})</translation>
    </message>
    <message>
        <source> — hồ sơ đó đã bị xoá, hãy khôi phục thay vì tạo mới</source>
        <translation> — that record has been deleted; restore it instead of creating a new one</translation>
    </message>
    <message>
        <source>Số CCCD không khớp</source>
        <translation>ID number does not match</translation>
    </message>
    <message>
        <source>Số CCCD mâu thuẫn với hồ sơ:</source>
        <translation>The ID number contradicts the record:</translation>
    </message>
    <message>
        <source>Kiểm tra lại số CCCD, ngày sinh và giới tính. Vẫn lưu như đã nhập?</source>
        <translation>Check the ID number, date of birth and sex. Save as typed anyway?</translation>
    </message>
    <message>
        <source>Vẫn lưu</source>
        <translation>Save anyway</translation>
    </message>
    <message>
        <source>Sửa lại</source>
        <translation>Correct it</translation>
    </message>
</context>
<context>
    <name>CccdEdit</name>
    <message>
        <source>12 chữ số</source>
        <translation>12 digits</translation>
    </message>
</context>
<context>
    <name>Choices</name>
    <message>
        <source>Nam</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Nữ</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Chuyên môn, nghiệp vụ</source>
        <translation>Professional expertise</translation>
    </message>
    <message>
        <source>Lý luận chính trị</source>
        <translation>Political theory</translation>
    </message>
    <message>
        <source>Quản lý nhà nước, chức danh nghề nghiệp</source>
        <translation>State management, professional title</translation>
    </message>
    <message>
        <source>Quốc phòng, an ninh</source>
        <translation>National defense and security</translation>
    </message>
    <message>
        <source>Tin học</source>
        <translation>Information technology</translation>
    </message>
    <message>
        <source>Ngoại ngữ, tiếng dân tộc</source>
        <translation>Foreign language, ethnic minority language</translation>
    </message>
    <message>
        <source>Khác</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Làm việc trong chế độ cũ</source>
        <translation>Worked under the former regime</translation>
    </message>
    <message>
        <source>Quan hệ với tổ chức ở nước ngoài</source>
        <translation>Ties with organizations abroad</translation>
    </message>
    <message>
        <source>Bản thân</source>
        <translation>Own family</translation>
    </message>
    <message>
        <source>Bên vợ (chồng)</source>
        <translation>Spouse&apos;s family</translation>
    </message>
    <message>
        <source>Khen thưởng</source>
        <translation>Reward</translation>
    </message>
    <message>
        <source>Danh hiệu thi đua</source>
        <translation>Emulation title</translation>
    </message>
    <message>
        <source>Kỷ luật Đảng</source>
        <translation>Party discipline</translation>
    </message>
    <message>
        <source>Kỷ luật hành chính</source>
        <translation>Administrative discipline</translation>
    </message>
    <message>
        <source>Kỷ luật đoàn thể</source>
        <translation>Mass organization discipline</translation>
    </message>
    <message>
        <source>Tuyển dụng</source>
        <translation>Recruitment</translation>
    </message>
    <message>
        <source>Bầu cử</source>
        <translation>Election</translation>
    </message>
    <message>
        <source>Bổ nhiệm</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <source>Bổ nhiệm lại</source>
        <translation>Reappointment</translation>
    </message>
    <message>
        <source>Quy hoạch</source>
        <translation>Succession planning</translation>
    </message>
    <message>
        <source>Điều động</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>Luân chuyển</source>
        <translation>Rotation</translation>
    </message>
    <message>
        <source>Biệt phái</source>
        <translation>Secondment</translation>
    </message>
    <message>
        <source>Thôi việc, từ chức, miễn nhiệm</source>
        <translation>Termination, resignation, removal from office</translation>
    </message>
    <message>
        <source>Nghỉ hưu</source>
        <translation>Retirement</translation>
    </message>
</context>
<context>
    <name>CityConflictsDialog</name>
    <message>
        <source>Lúc</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Vai trò gửi</source>
        <translation>Sending role</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>CCCD gửi</source>
        <translation>CCCD sent</translation>
    </message>
    <message>
        <source>Đơn vị gửi</source>
        <translation>Sending unit</translation>
    </message>
    <message>
        <source>Hồ sơ đang giữ</source>
        <translation>Record holding it</translation>
    </message>
    <message>
        <source>Đơn vị đang giữ</source>
        <translation>Unit holding it</translation>
    </message>
    <message>
        <source>Chi tiết</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Trùng số CCCD</source>
        <translation>Duplicate CCCD</translation>
    </message>
    <message>
        <source>Trùng mã hồ sơ của đơn vị khác</source>
        <translation>Record id of another unit</translation>
    </message>
    <message>
        <source>Trùng mã dòng dữ liệu của hồ sơ khác</source>
        <translation>Row id of another record</translation>
    </message>
    <message>
        <source>Trùng khoá khi ghi</source>
        <translation>Duplicate key on write</translation>
    </message>
    <message>
        <source>Chuyển giao hồ sơ không thuộc đơn vị</source>
        <translation>Hand-over of a record not the unit&apos;s</translation>
    </message>
</context>
<context>
    <name>ColumnsPage</name>
    <message>
        <source>Ghép cột</source>
        <translation>Map columns</translation>
    </message>
    <message>
        <source>Kiểm tra mỗi cột của tệp được nhập vào mục nào của hồ sơ; chọn lại nếu cần. Cột chọn &quot;(bỏ qua)&quot; không được nhập.</source>
        <translation>Check which record field each column of the file is imported into; change it if needed. Columns set to &quot;(skip)&quot; are not imported.</translation>
    </message>
    <message>
        <source>Cách ghép cột được nhớ từ lần nhập trước với một tệp cùng mẫu; có thể chọn lại.</source>
        <translation>The column mapping was remembered from a previous import of a file with the same layout; you can change it.</translation>
    </message>
    <message>
        <source>(không đặt đơn vị)</source>
        <translation>(no unit)</translation>
    </message>
    <message>
        <source>Đơn vị cho các dòng không ghi đơn vị:</source>
        <translation>Unit for rows without a unit:</translation>
    </message>
    <message>
        <source>Dòng tiêu đề: {rows} của trang &apos;{sheet}&apos;; dữ liệu từ dòng {first}.</source>
        <translation>Header row(s): {rows} of sheet &apos;{sheet}&apos;; data starts at row {first}.</translation>
    </message>
    <message>
        <source>Chữ mã TCVN3/VNI ở cột {letters} được chuyển sang Unicode (ô tô xanh).</source>
        <translation>TCVN3/VNI text in column(s) {letters} is converted to Unicode (blue cells).</translation>
    </message>
    <message>
        <source>Danh sách cán bộ (trang &apos;{sheet}&apos;)</source>
        <translation>Staff list (sheet &apos;{sheet}&apos;)</translation>
    </message>
    <message>
        <source>Trang &apos;{sheet}&apos; → {section}</source>
        <translation>Sheet &apos;{sheet}&apos; → {section}</translation>
    </message>
    <message>
        <source>Chưa có cột nào là Số CCCD: mọi dòng sẽ bị từ chối.</source>
        <translation>No column is mapped to ID number: every row will be rejected.</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>Gõ ngày, tháng, năm liền nhau: 12031985 → 12/03/1985</source>
        <translation>Type day, month and year without separators: 12031985 → 12/03/1985</translation>
    </message>
    <message>
        <source>Ngày chưa nhập đủ (dạng dd/mm/yyyy)</source>
        <translation>Incomplete date (format dd/mm/yyyy)</translation>
    </message>
    <message>
        <source>Ngày {date} không có thật</source>
        <translation>Date {date} does not exist</translation>
    </message>
    <message>
        <source>Ngày {date} quá xa trong quá khứ</source>
        <translation>Date {date} is too far in the past</translation>
    </message>
</context>
<context>
    <name>DefaultFormsBox</name>
    <message>
        <source>Mẫu sơ yếu lý lịch in mặc định (theo cơ sở dữ liệu)</source>
        <translation>Default CV form for printing (per database)</translation>
    </message>
    <message>
        <source>Cán bộ</source>
        <translation>Cadre</translation>
    </message>
    <message>
        <source>Công chức</source>
        <translation>Civil servant</translation>
    </message>
    <message>
        <source>Viên chức</source>
        <translation>Public employee</translation>
    </message>
    <message>
        <source>Hợp đồng lao động</source>
        <translation>Contract worker</translation>
    </message>
    <message>
        <source>Người lao động theo hợp đồng luôn in Mẫu 2C-BNV/2008.</source>
        <translation>Contract workers always print Form 2C-BNV/2008.</translation>
    </message>
    <message>
        <source>Dùng cho lệnh In sơ yếu lý lịch (Ctrl+P) và In hồ sơ cả đơn vị; khi xem trước vẫn chọn được mẫu khác cho từng lần in.</source>
        <translation>Used by Print CV (Ctrl+P) and Print a whole unit&apos;s dossiers; the preview still lets you choose another form for one print.</translation>
    </message>
    <message>
        <source>Chỉ người được quản lý đơn vị (quản trị viên) đổi được mẫu in mặc định.</source>
        <translation>Only a user who may manage units (the administrator) can change the default forms.</translation>
    </message>
    <message>
        <source>Mẫu 2C-BNV/2008</source>
        <translation>Form 2C-BNV/2008</translation>
    </message>
    <message>
        <source>Mẫu HS02-VC/BNV</source>
        <translation>Form HS02-VC/BNV</translation>
    </message>
    <message>
        <source>Mẫu sơ yếu lý lịch 2023 (TT 06/2023/TT-BNV)</source>
        <translation>2023 CV form (Circular 06/2023/TT-BNV)</translation>
    </message>
</context>
<context>
    <name>DossierForm</name>
    <message>
        <source>Điền tự động theo mã ngạch khi lưu</source>
        <translation>Filled in automatically from the grade code on saving</translation>
    </message>
    <message>
        <source>Tự tính theo ngạch, bậc khi lưu</source>
        <translation>Calculated from the grade and step on saving</translation>
    </message>
</context>
<context>
    <name>FieldRow</name>
    <message>
        <source>Mẫu 2C-BNV/2008, mục {item}</source>
        <translation>Form 2C-BNV/2008, item {item}</translation>
    </message>
    <message>
        <source>Mẫu HS02-VC/BNV, mục {item}</source>
        <translation>Form HS02-VC/BNV, item {item}</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Số CCCD (số định danh cá nhân)</source>
        <translation>ID number (personal identification number)</translation>
    </message>
    <message>
        <source>Ngày cấp CCCD</source>
        <translation>ID card issue date</translation>
    </message>
    <message>
        <source>Nơi cấp CCCD</source>
        <translation>ID card place of issue</translation>
    </message>
    <message>
        <source>Số CMND cũ</source>
        <translation>Former ID card number (CMND)</translation>
    </message>
    <message>
        <source>Số hiệu cán bộ, công chức</source>
        <translation>Cadre/civil servant number</translation>
    </message>
    <message>
        <source>Loại cán bộ</source>
        <translation>Staff category</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Họ và tên khai sinh</source>
        <translation>Full name (as on birth certificate)</translation>
    </message>
    <message>
        <source>Tên gọi khác</source>
        <translation>Other names</translation>
    </message>
    <message>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Chỉ biết năm sinh</source>
        <translation>Year of birth only</translation>
    </message>
    <message>
        <source>Giới tính</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Nơi sinh (ghi theo địa danh cũ)</source>
        <translation>Place of birth (former place names)</translation>
    </message>
    <message>
        <source>Nơi sinh — tỉnh, thành phố (2025)</source>
        <translation>Place of birth — province/city (2025)</translation>
    </message>
    <message>
        <source>Nơi sinh — xã, phường (2025)</source>
        <translation>Place of birth — commune/ward (2025)</translation>
    </message>
    <message>
        <source>Quê quán (ghi theo địa danh cũ)</source>
        <translation>Home town (former place names)</translation>
    </message>
    <message>
        <source>Quê quán — tỉnh, thành phố (2025)</source>
        <translation>Home town — province/city (2025)</translation>
    </message>
    <message>
        <source>Quê quán — xã, phường (2025)</source>
        <translation>Home town — commune/ward (2025)</translation>
    </message>
    <message>
        <source>Dân tộc</source>
        <translation>Ethnic group</translation>
    </message>
    <message>
        <source>Tôn giáo</source>
        <translation>Religion</translation>
    </message>
    <message>
        <source>Nơi đăng ký hộ khẩu thường trú (địa danh cũ)</source>
        <translation>Registered permanent residence (former place names)</translation>
    </message>
    <message>
        <source>Thường trú — tỉnh, thành phố (2025)</source>
        <translation>Permanent residence — province/city (2025)</translation>
    </message>
    <message>
        <source>Thường trú — xã, phường (2025)</source>
        <translation>Permanent residence — commune/ward (2025)</translation>
    </message>
    <message>
        <source>Thường trú — số nhà, đường, thôn</source>
        <translation>Permanent residence — house number, street, village</translation>
    </message>
    <message>
        <source>Nơi ở hiện nay (địa danh cũ)</source>
        <translation>Current residence (former place names)</translation>
    </message>
    <message>
        <source>Nơi ở — tỉnh, thành phố (2025)</source>
        <translation>Current residence — province/city (2025)</translation>
    </message>
    <message>
        <source>Nơi ở — xã, phường (2025)</source>
        <translation>Current residence — commune/ward (2025)</translation>
    </message>
    <message>
        <source>Nơi ở — số nhà, đường, thôn</source>
        <translation>Current residence — house number, street, village</translation>
    </message>
    <message>
        <source>Số điện thoại liên hệ</source>
        <translation>Contact phone number</translation>
    </message>
    <message>
        <source>Thư điện tử</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Thành phần gia đình xuất thân</source>
        <translation>Family social background</translation>
    </message>
    <message>
        <source>Nghề nghiệp khi được tuyển dụng</source>
        <translation>Occupation when recruited</translation>
    </message>
    <message>
        <source>Ngày tuyển dụng</source>
        <translation>Recruitment date</translation>
    </message>
    <message>
        <source>Cơ quan tuyển dụng</source>
        <translation>Recruiting agency</translation>
    </message>
    <message>
        <source>Ngày vào cơ quan hiện đang công tác</source>
        <translation>Date of joining current agency</translation>
    </message>
    <message>
        <source>Ngày hết tập sự</source>
        <translation>Probation end date</translation>
    </message>
    <message>
        <source>Chức vụ (chức danh) hiện tại</source>
        <translation>Current position (title)</translation>
    </message>
    <message>
        <source>Ngày bổ nhiệm chức vụ</source>
        <translation>Date of appointment to position</translation>
    </message>
    <message>
        <source>Ngày bổ nhiệm lại</source>
        <translation>Reappointment date</translation>
    </message>
    <message>
        <source>Chức vụ kiêm nhiệm</source>
        <translation>Concurrent position</translation>
    </message>
    <message>
        <source>Chức vụ Đảng hiện tại</source>
        <translation>Current Party position</translation>
    </message>
    <message>
        <source>Chức vụ Đảng kiêm nhiệm</source>
        <translation>Concurrent Party position</translation>
    </message>
    <message>
        <source>Được quy hoạch chức danh</source>
        <translation>Planned for position (succession planning)</translation>
    </message>
    <message>
        <source>Công việc chính được giao</source>
        <translation>Main assigned duties</translation>
    </message>
    <message>
        <source>Sở trường công tác</source>
        <translation>Work strengths</translation>
    </message>
    <message>
        <source>Công việc làm lâu nhất</source>
        <translation>Longest-held job</translation>
    </message>
    <message>
        <source>Mã ngạch / chức danh nghề nghiệp</source>
        <translation>Grade code / professional title</translation>
    </message>
    <message>
        <source>Danh mục mã ngạch</source>
        <translation>Grade code list</translation>
    </message>
    <message>
        <source>Ngày bổ nhiệm ngạch</source>
        <translation>Date of appointment to grade</translation>
    </message>
    <message>
        <source>Bậc lương</source>
        <translation>Salary step</translation>
    </message>
    <message>
        <source>Hệ số lương</source>
        <translation>Salary coefficient</translation>
    </message>
    <message>
        <source>Ngày hưởng bậc lương</source>
        <translation>Salary step effective date</translation>
    </message>
    <message>
        <source>Phần trăm hưởng</source>
        <translation>Percentage paid</translation>
    </message>
    <message>
        <source>Phụ cấp thâm niên vượt khung (%)</source>
        <translation>Seniority allowance beyond the top step (%)</translation>
    </message>
    <message>
        <source>Ngày hưởng phụ cấp thâm niên vượt khung</source>
        <translation>Effective date of seniority allowance beyond the top step</translation>
    </message>
    <message>
        <source>Phụ cấp chức vụ (hệ số)</source>
        <translation>Position allowance (coefficient)</translation>
    </message>
    <message>
        <source>Phụ cấp kiêm nhiệm (hệ số)</source>
        <translation>Concurrent-position allowance (coefficient)</translation>
    </message>
    <message>
        <source>Phụ cấp khác</source>
        <translation>Other allowances</translation>
    </message>
    <message>
        <source>Vị trí việc làm</source>
        <translation>Job position</translation>
    </message>
    <message>
        <source>Mã vị trí việc làm</source>
        <translation>Job position code</translation>
    </message>
    <message>
        <source>Bậc lương theo vị trí việc làm</source>
        <translation>Salary step of the job position</translation>
    </message>
    <message>
        <source>Lương theo mức tiền (đồng)</source>
        <translation>Salary as a fixed amount (VND)</translation>
    </message>
    <message>
        <source>Ngày hưởng lương theo mức tiền</source>
        <translation>Fixed-amount salary effective date</translation>
    </message>
    <message>
        <source>Phần trăm hưởng lương theo vị trí việc làm</source>
        <translation>Percentage paid of the job-position salary</translation>
    </message>
    <message>
        <source>Phụ cấp thâm niên vượt khung theo vị trí việc làm (%)</source>
        <translation>Beyond-scale seniority allowance of the job position (%)</translation>
    </message>
    <message>
        <source>Ngày hưởng PCTNVK theo vị trí việc làm</source>
        <translation>Beyond-scale seniority allowance of the job position since</translation>
    </message>
    <message>
        <source>Trình độ giáo dục phổ thông</source>
        <translation>General education level</translation>
    </message>
    <message>
        <source>Trình độ chuyên môn cao nhất</source>
        <translation>Highest professional qualification</translation>
    </message>
    <message>
        <source>Chuyên ngành</source>
        <translation>Field of study</translation>
    </message>
    <message>
        <source>Lý luận chính trị</source>
        <translation>Political theory</translation>
    </message>
    <message>
        <source>Quản lý nhà nước</source>
        <translation>State management</translation>
    </message>
    <message>
        <source>Ngoại ngữ</source>
        <translation>Foreign language</translation>
    </message>
    <message>
        <source>Tin học</source>
        <translation>Computer skills</translation>
    </message>
    <message>
        <source>Học hàm</source>
        <translation>Academic title</translation>
    </message>
    <message>
        <source>Năm phong học hàm</source>
        <translation>Year academic title conferred</translation>
    </message>
    <message>
        <source>Ngày vào Đảng Cộng sản Việt Nam</source>
        <translation>Date of admission to the Communist Party of Vietnam</translation>
    </message>
    <message>
        <source>Ngày chính thức vào Đảng</source>
        <translation>Date of full Party membership</translation>
    </message>
    <message>
        <source>Ngày tham gia tổ chức chính trị - xã hội</source>
        <translation>Date of joining a socio-political organization</translation>
    </message>
    <message>
        <source>Tổ chức chính trị - xã hội và công việc trong tổ chức</source>
        <translation>Socio-political organization and role in it</translation>
    </message>
    <message>
        <source>Ngày nhập ngũ</source>
        <translation>Date of enlistment</translation>
    </message>
    <message>
        <source>Ngày xuất ngũ</source>
        <translation>Date of discharge</translation>
    </message>
    <message>
        <source>Quân hàm cao nhất</source>
        <translation>Highest military rank</translation>
    </message>
    <message>
        <source>Danh hiệu được phong tặng cao nhất</source>
        <translation>Highest honorary title conferred</translation>
    </message>
    <message>
        <source>Khen thưởng (hình thức cao nhất, năm)</source>
        <translation>Rewards (highest form, year)</translation>
    </message>
    <message>
        <source>Kỷ luật (hình thức cao nhất, năm)</source>
        <translation>Discipline (most severe form, year)</translation>
    </message>
    <message>
        <source>Tình trạng sức khoẻ</source>
        <translation>Health status</translation>
    </message>
    <message>
        <source>Chiều cao (cm)</source>
        <translation>Height (cm)</translation>
    </message>
    <message>
        <source>Cân nặng (kg)</source>
        <translation>Weight (kg)</translation>
    </message>
    <message>
        <source>Nhóm máu</source>
        <translation>Blood type</translation>
    </message>
    <message>
        <source>Thương binh hạng</source>
        <translation>War invalid class</translation>
    </message>
    <message>
        <source>Con gia đình chính sách</source>
        <translation>Child of a policy-beneficiary family</translation>
    </message>
    <message>
        <source>Đối tượng chính sách</source>
        <translation>Policy beneficiary category</translation>
    </message>
    <message>
        <source>Số sổ BHXH</source>
        <translation>Social insurance book number</translation>
    </message>
    <message>
        <source>Số thẻ BHYT</source>
        <translation>Health insurance card number</translation>
    </message>
    <message>
        <source>Bị bắt, bị tù; làm việc trong chế độ cũ</source>
        <translation>Arrest, imprisonment; work under the former regime</translation>
    </message>
    <message>
        <source>Quan hệ với tổ chức ở nước ngoài</source>
        <translation>Ties with organizations abroad</translation>
    </message>
    <message>
        <source>Thân nhân ở nước ngoài</source>
        <translation>Relatives abroad</translation>
    </message>
    <message>
        <source>Thu nhập từ tiền lương</source>
        <translation>Income from salary</translation>
    </message>
    <message>
        <source>Các nguồn thu nhập khác</source>
        <translation>Other sources of income</translation>
    </message>
    <message>
        <source>Nhà ở</source>
        <translation>Housing</translation>
    </message>
    <message>
        <source>Đất ở</source>
        <translation>Residential land</translation>
    </message>
    <message>
        <source>Đất sản xuất, kinh doanh</source>
        <translation>Land for production and business</translation>
    </message>
    <message>
        <source>Nhận xét, đánh giá của cơ quan, đơn vị</source>
        <translation>Comments and assessment by the agency/unit</translation>
    </message>
    <message>
        <source>Loại đào tạo</source>
        <translation>Training type</translation>
    </message>
    <message>
        <source>Tên trường, cơ sở đào tạo</source>
        <translation>School / training institution</translation>
    </message>
    <message>
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Đến ngày</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Hình thức đào tạo</source>
        <translation>Mode of training</translation>
    </message>
    <message>
        <source>Văn bằng, chứng chỉ, trình độ</source>
        <translation>Degree, certificate, level</translation>
    </message>
    <message>
        <source>Trình độ (mã)</source>
        <translation>Level (code)</translation>
    </message>
    <message>
        <source>Tên ngoại ngữ / tiếng dân tộc</source>
        <translation>Foreign / ethnic minority language</translation>
    </message>
    <message>
        <source>Điểm số</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Đơn vị công tác</source>
        <translation>Workplace</translation>
    </message>
    <message>
        <source>Chức danh, chức vụ</source>
        <translation>Title, position</translation>
    </message>
    <message>
        <source>Diễn giải</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Nội dung</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Bên</source>
        <translation>Side</translation>
    </message>
    <message>
        <source>Mối quan hệ</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Năm sinh</source>
        <translation>Year of birth</translation>
    </message>
    <message>
        <source>Quê quán, nghề nghiệp, chức vụ, nơi ở…</source>
        <translation>Home town, occupation, position, residence…</translation>
    </message>
    <message>
        <source>Đã mất</source>
        <translation>Deceased</translation>
    </message>
    <message>
        <source>Tháng/năm hưởng</source>
        <translation>Effective month/year</translation>
    </message>
    <message>
        <source>Mã ngạch</source>
        <translation>Grade code</translation>
    </message>
    <message>
        <source>Bậc</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Tiền lương theo vị trí việc làm</source>
        <translation>Salary by job position</translation>
    </message>
    <message>
        <source>Số tháng nâng bậc trước thời hạn</source>
        <translation>Early step raise (months)</translation>
    </message>
    <message>
        <source>Quyết định</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Loại phụ cấp</source>
        <translation>Allowance type</translation>
    </message>
    <message>
        <source>Hệ số</source>
        <translation>Coefficient</translation>
    </message>
    <message>
        <source>Hình thức hưởng</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <source>Giá trị (đồng)</source>
        <translation>Amount (VND)</translation>
    </message>
    <message>
        <source>Năm</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Ngày quyết định</source>
        <translation>Decision date</translation>
    </message>
    <message>
        <source>Số quyết định</source>
        <translation>Decision number</translation>
    </message>
    <message>
        <source>Hình thức / danh hiệu</source>
        <translation>Reward / title</translation>
    </message>
    <message>
        <source>Cấp quyết định</source>
        <translation>Issuing level</translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Loại kỷ luật</source>
        <translation>Discipline type</translation>
    </message>
    <message>
        <source>Hình thức kỷ luật</source>
        <translation>Disciplinary measure</translation>
    </message>
    <message>
        <source>Hành vi vi phạm chính</source>
        <translation>Main violation</translation>
    </message>
    <message>
        <source>Cơ quan quyết định</source>
        <translation>Deciding authority</translation>
    </message>
    <message>
        <source>Xếp loại chất lượng</source>
        <translation>Quality rating</translation>
    </message>
    <message>
        <source>Xếp loại chuyên môn</source>
        <translation>Professional rating</translation>
    </message>
    <message>
        <source>Xếp loại thi đua</source>
        <translation>Emulation rating</translation>
    </message>
    <message>
        <source>Loại quyết định</source>
        <translation>Decision type</translation>
    </message>
    <message>
        <source>Ngày hiệu lực</source>
        <translation>Effective date</translation>
    </message>
    <message>
        <source>Ngày kết thúc</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>Chức vụ, chức danh</source>
        <translation>Position, title</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Chức danh quy hoạch</source>
        <translation>Planned title</translation>
    </message>
    <message>
        <source>Giai đoạn từ năm</source>
        <translation>Period from (year)</translation>
    </message>
    <message>
        <source>Đến năm</source>
        <translation>To (year)</translation>
    </message>
    <message>
        <source>Ngày đưa ra khỏi quy hoạch</source>
        <translation>Removed from the planning on</translation>
    </message>
    <message>
        <source>Năm kê khai</source>
        <translation>Declaration year</translation>
    </message>
    <message>
        <source>Loại kê khai</source>
        <translation>Declaration type</translation>
    </message>
    <message>
        <source>Ngày kê khai</source>
        <translation>Declaration date</translation>
    </message>
    <message>
        <source>Tổng thu nhập (đồng)</source>
        <translation>Total income (VND)</translation>
    </message>
    <message>
        <source>Tóm tắt tài sản, thu nhập</source>
        <translation>Summary of assets and income</translation>
    </message>
    <message>
        <source>Quá trình đào tạo, bồi dưỡng</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Quá trình công tác</source>
        <translation>Work history</translation>
    </message>
    <message>
        <source>Lịch sử bản thân</source>
        <translation>Personal history</translation>
    </message>
    <message>
        <source>Quan hệ gia đình</source>
        <translation>Family relations</translation>
    </message>
    <message>
        <source>Quá trình lương</source>
        <translation>Salary history</translation>
    </message>
    <message>
        <source>Phụ cấp</source>
        <translation>Allowances</translation>
    </message>
    <message>
        <source>Khen thưởng, danh hiệu thi đua</source>
        <translation>Rewards and emulation titles</translation>
    </message>
    <message>
        <source>Kỷ luật</source>
        <translation>Discipline</translation>
    </message>
    <message>
        <source>Đánh giá, xếp loại hằng năm</source>
        <translation>Annual evaluation and rating</translation>
    </message>
    <message>
        <source>Tuyển dụng, bổ nhiệm, điều động, luân chuyển, biệt phái</source>
        <translation>Recruitment, appointment, transfer, rotation, secondment</translation>
    </message>
    <message>
        <source>Kê khai tài sản, thu nhập</source>
        <translation>Asset and income declaration</translation>
    </message>
    <message>
        <source>Quy hoạch chức danh lãnh đạo, quản lý</source>
        <translation>Succession planning for leadership and management titles</translation>
    </message>
    <message>
        <source>Cán bộ</source>
        <translation>Cadre</translation>
    </message>
    <message>
        <source>Công chức</source>
        <translation>Civil servant</translation>
    </message>
    <message>
        <source>Viên chức</source>
        <translation>Public employee</translation>
    </message>
    <message>
        <source>Hợp đồng lao động</source>
        <translation>Contract worker</translation>
    </message>
    <message>
        <source>Đang công tác</source>
        <translation>In service</translation>
    </message>
    <message>
        <source>Đã nghỉ hưu</source>
        <translation>Retired</translation>
    </message>
    <message>
        <source>Đã chuyển công tác</source>
        <translation>Transferred out</translation>
    </message>
    <message>
        <source>Đã thôi việc</source>
        <translation>Left service</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Chọn tệp</source>
        <translation>Choose file</translation>
    </message>
    <message>
        <source>Tệp Excel (.xlsx, .xls) hoặc .csv: một dòng cho mỗi người. Dòng tiêu đề cột có thể nằm dưới tên bảng; chữ gõ bằng phông TCVN3 (.VnTime) hay VNI được tự chuyển sang Unicode.</source>
        <translation>An Excel file (.xlsx, .xls) or .csv with one row per person. The column header row may be below a table title; text typed in TCVN3 (.VnTime) or VNI fonts is converted to Unicode automatically.</translation>
    </message>
    <message>
        <source>Gõ hoặc dán đường dẫn tệp rồi nhấn Enter, hoặc bấm Chọn tệp…</source>
        <translation>Type or paste the file&apos;s path and press Enter, or click Choose file…</translation>
    </message>
    <message>
        <source>Chọn tệp…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Tải tệp mẫu…</source>
        <translation>Download template…</translation>
    </message>
    <message>
        <source>Chưa có tệp? Tệp mẫu có đủ các cột, chú thích cách ghi từng cột, danh mục để chọn và các trang Đào tạo, Quá trình công tác…</source>
        <translation>No file yet? The template has all the columns, notes on how to fill in each column, lists to choose from, and sheets for training, work history…</translation>
    </message>
    <message>
        <source>Tệp:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Trang danh sách:</source>
        <translation>List sheet:</translation>
    </message>
    <message>
        <source>Không tìm thấy tệp {path}.</source>
        <translation>File {path} not found.</translation>
    </message>
    <message>
        <source>Đang đọc tệp…</source>
        <translation>Reading file…</translation>
    </message>
    <message>
        <source>không có</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Trang &apos;{sheet}&apos;: dòng tiêu đề {row}, {columns} cột, dữ liệu từ dòng {first}. Trang phụ được nhập: {children}.</source>
        <translation>Sheet &apos;{sheet}&apos;: header row {row}, {columns} columns, data from row {first}. Additional sheets imported: {children}.</translation>
    </message>
    <message>
        <source>Lưu tệp mẫu</source>
        <translation>Save template</translation>
    </message>
    <message>
        <source>Đang tạo tệp mẫu…</source>
        <translation>Creating template…</translation>
    </message>
    <message>
        <source>Đã lưu tệp mẫu: {path}</source>
        <translation>Template saved: {path}</translation>
    </message>
</context>
<context>
    <name>FilesPage</name>
    <message>
        <source>Tên tệp</source>
        <translation>File name</translation>
    </message>
    <message>
        <source>Mô tả</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Dung lượng</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Ảnh 4 x 6</source>
        <translation>Photo 4 x 6</translation>
    </message>
    <message>
        <source>Chọn ảnh…</source>
        <translation>Choose photo…</translation>
    </message>
    <message>
        <source>Xoá ảnh</source>
        <translation>Remove photo</translation>
    </message>
    <message>
        <source>Tệp đính kèm</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>Thêm tệp…</source>
        <translation>Add file…</translation>
    </message>
    <message>
        <source>Xoá tệp</source>
        <translation>Remove file</translation>
    </message>
    <message>
        <source>Mở</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Lưu thành…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>Bản quét quyết định, văn bằng, chứng chỉ… Nhấp đúp vào cột Mô tả của tệp mới để ghi mô tả. Ảnh và tệp được lưu cùng hồ sơ khi bấm Lưu.</source>
        <translation>Scans of decisions, degrees, certificates… Double-click the Description column of a new file to enter a description. The photo and files are saved with the record when you click Save.</translation>
    </message>
    <message>
        <source>Ảnh (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.tif *.tiff)</source>
        <translation>Images (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.tif *.tiff)</translation>
    </message>
    <message>
        <source>Chọn ảnh 4 x 6</source>
        <translation>Choose 4 x 6 photo</translation>
    </message>
    <message>
        <source>Không đọc được ảnh {name}.</source>
        <translation>Cannot read image {name}.</translation>
    </message>
    <message>
        <source>Thêm tệp đính kèm</source>
        <translation>Add attachment</translation>
    </message>
    <message>
        <source>Không đọc được tệp {name}.</source>
        <translation>Cannot read file {name}.</translation>
    </message>
    <message>
        <source>Tệp {name} rỗng hoặc lớn quá 20 MB.</source>
        <translation>File {name} is empty or larger than 20 MB.</translation>
    </message>
    <message>
        <source>Lưu tệp đính kèm</source>
        <translation>Save attachment</translation>
    </message>
    <message>
        <source>Tệp mới, chưa lưu</source>
        <translation>New file, not yet saved</translation>
    </message>
</context>
<context>
    <name>Grades</name>
    <message>
        <source>Chuyên viên cao cấp</source>
        <translation>Senior Specialist</translation>
    </message>
    <message>
        <source>Chuyên viên chính</source>
        <translation>Principal Specialist</translation>
    </message>
    <message>
        <source>Chuyên viên</source>
        <translation>Specialist</translation>
    </message>
    <message>
        <source>Cán sự</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>Nhân viên</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Kỹ thuật viên đánh máy</source>
        <translation>Typing technician</translation>
    </message>
    <message>
        <source>Nhân viên đánh máy</source>
        <translation>Typist</translation>
    </message>
    <message>
        <source>Nhân viên kỹ thuật</source>
        <translation>Technical staff</translation>
    </message>
    <message>
        <source>Nhân viên văn thư</source>
        <translation>Clerical staff</translation>
    </message>
    <message>
        <source>Nhân viên phục vụ</source>
        <translation>Service staff</translation>
    </message>
    <message>
        <source>Lái xe cơ quan</source>
        <translation>Agency driver</translation>
    </message>
    <message>
        <source>Nhân viên bảo vệ</source>
        <translation>Security guard</translation>
    </message>
    <message>
        <source>Văn thư viên chính</source>
        <translation>Principal Records Officer</translation>
    </message>
    <message>
        <source>Kỹ thuật viên lưu trữ</source>
        <translation>Archives Technician</translation>
    </message>
    <message>
        <source>Văn thư viên</source>
        <translation>Records Officer</translation>
    </message>
    <message>
        <source>Văn thư viên trung cấp</source>
        <translation>Intermediate Records Officer</translation>
    </message>
    <message>
        <source>Thanh tra viên cao cấp</source>
        <translation>Senior Inspector</translation>
    </message>
    <message>
        <source>Thanh tra viên chính</source>
        <translation>Principal Inspector</translation>
    </message>
    <message>
        <source>Thanh tra viên</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>Kế toán viên cao cấp</source>
        <translation>Senior Accountant</translation>
    </message>
    <message>
        <source>Kế toán viên chính</source>
        <translation>Principal Accountant</translation>
    </message>
    <message>
        <source>Kế toán viên</source>
        <translation>Accountant</translation>
    </message>
    <message>
        <source>Kế toán viên trung cấp</source>
        <translation>Intermediate Accountant</translation>
    </message>
    <message>
        <source>Kế toán viên sơ cấp</source>
        <translation>Junior Accountant</translation>
    </message>
    <message>
        <source>Thủ quỹ cơ quan, đơn vị</source>
        <translation>Cashier of an agency or unit</translation>
    </message>
    <message>
        <source>Kiểm soát viên cao cấp thị trường</source>
        <translation>Senior Market Controller</translation>
    </message>
    <message>
        <source>Kiểm soát viên chính thị trường</source>
        <translation>Principal Market Controller</translation>
    </message>
    <message>
        <source>Kiểm soát viên thị trường</source>
        <translation>Market Controller</translation>
    </message>
    <message>
        <source>Giáo viên mầm non hạng I</source>
        <translation>Preschool teacher, grade I</translation>
    </message>
    <message>
        <source>Giáo viên mầm non hạng II</source>
        <translation>Preschool teacher, grade II</translation>
    </message>
    <message>
        <source>Giáo viên mầm non hạng III</source>
        <translation>Preschool teacher, grade III</translation>
    </message>
    <message>
        <source>Giáo viên tiểu học hạng I</source>
        <translation>Primary school teacher, grade I</translation>
    </message>
    <message>
        <source>Giáo viên tiểu học hạng II</source>
        <translation>Primary school teacher, grade II</translation>
    </message>
    <message>
        <source>Giáo viên tiểu học hạng III</source>
        <translation>Primary school teacher, grade III</translation>
    </message>
    <message>
        <source>Giáo viên trung học cơ sở hạng I</source>
        <translation>Lower secondary school teacher, grade I</translation>
    </message>
    <message>
        <source>Giáo viên trung học cơ sở hạng II</source>
        <translation>Lower secondary school teacher, grade II</translation>
    </message>
    <message>
        <source>Giáo viên trung học cơ sở hạng III</source>
        <translation>Lower secondary school teacher, grade III</translation>
    </message>
    <message>
        <source>Giáo viên trung học phổ thông hạng I</source>
        <translation>Upper secondary school teacher, grade I</translation>
    </message>
    <message>
        <source>Giáo viên trung học phổ thông hạng II</source>
        <translation>Upper secondary school teacher, grade II</translation>
    </message>
    <message>
        <source>Giáo viên trung học phổ thông hạng III</source>
        <translation>Upper secondary school teacher, grade III</translation>
    </message>
    <message>
        <source>Giáo viên mầm non hạng IV</source>
        <translation>Preschool teacher, grade IV</translation>
    </message>
    <message>
        <source>Giáo viên tiểu học hạng IV</source>
        <translation>Primary school teacher, grade IV</translation>
    </message>
    <message>
        <source>Bác sĩ cao cấp (hạng I)</source>
        <translation>Senior physician (grade I)</translation>
    </message>
    <message>
        <source>Bác sĩ chính (hạng II)</source>
        <translation>Principal physician (grade II)</translation>
    </message>
    <message>
        <source>Bác sĩ (hạng III)</source>
        <translation>Physician (grade III)</translation>
    </message>
    <message>
        <source>Bác sĩ y học dự phòng cao cấp (hạng I)</source>
        <translation>Senior preventive medicine physician (grade I)</translation>
    </message>
    <message>
        <source>Bác sĩ y học dự phòng chính (hạng II)</source>
        <translation>Principal preventive medicine physician (grade II)</translation>
    </message>
    <message>
        <source>Bác sĩ y học dự phòng (hạng III)</source>
        <translation>Preventive medicine physician (grade III)</translation>
    </message>
    <message>
        <source>Y sĩ hạng IV</source>
        <translation>Assistant physician, grade IV</translation>
    </message>
    <message>
        <source>Điều dưỡng hạng II</source>
        <translation>Nurse, grade II</translation>
    </message>
    <message>
        <source>Điều dưỡng hạng III</source>
        <translation>Nurse, grade III</translation>
    </message>
    <message>
        <source>Điều dưỡng hạng IV</source>
        <translation>Nurse, grade IV</translation>
    </message>
    <message>
        <source>Hộ sinh hạng II</source>
        <translation>Midwife, grade II</translation>
    </message>
    <message>
        <source>Hộ sinh hạng III</source>
        <translation>Midwife, grade III</translation>
    </message>
    <message>
        <source>Hộ sinh hạng IV</source>
        <translation>Midwife, grade IV</translation>
    </message>
    <message>
        <source>Kỹ thuật y hạng II</source>
        <translation>Medical technician, grade II</translation>
    </message>
    <message>
        <source>Kỹ thuật y hạng III</source>
        <translation>Medical technician, grade III</translation>
    </message>
    <message>
        <source>Kỹ thuật y hạng IV</source>
        <translation>Medical technician, grade IV</translation>
    </message>
    <message>
        <source>Dược sĩ cao cấp (hạng I)</source>
        <translation>Senior pharmacist (grade I)</translation>
    </message>
    <message>
        <source>Dược sĩ chính (hạng II)</source>
        <translation>Principal pharmacist (grade II)</translation>
    </message>
    <message>
        <source>Dược sĩ (hạng III)</source>
        <translation>Pharmacist (grade III)</translation>
    </message>
    <message>
        <source>Dược hạng IV</source>
        <translation>Assistant pharmacist, grade IV</translation>
    </message>
    <message>
        <source>Kỹ sư (hạng III)</source>
        <translation>Engineer (grade III)</translation>
    </message>
    <message>
        <source>Kỹ thuật viên (hạng IV)</source>
        <translation>Technician (grade IV)</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Có lỗi không mong đợi: {error}</source>
        <translation>An unexpected error occurred: {error}</translation>
    </message>
    <message>
        <source>Nhập danh sách cán bộ từ tệp Excel</source>
        <translation>Import staff list from Excel file</translation>
    </message>
    <message>
        <source>&lt; Quay lại</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>Tiếp &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <source>Xong</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Chọn tệp danh sách</source>
        <translation>Choose list file</translation>
    </message>
    <message>
        <source>Bảng tính ({patterns});;Mọi tệp (*)</source>
        <translation>Spreadsheets ({patterns});;All files (*)</translation>
    </message>
    <message>
        <source>Sổ tính Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Xuất danh sách ra Excel</source>
        <translation>Export list to Excel</translation>
    </message>
    <message>
        <source>Đang xuất danh sách…</source>
        <translation>Exporting list…</translation>
    </message>
    <message>
        <source>Đã xuất {count} hồ sơ vào tệp:
{path}</source>
        <translation>Exported {count} record(s) to the file:
{path}</translation>
    </message>
    <message>
        <source>Thêm mới</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Cập nhật</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Không đổi</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>Bị từ chối</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Bỏ qua</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>Dòng</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Trang</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>Trường</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Lỗi</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Đã chuyển từ {encoding} sang Unicode (trong tệp: «{original}»)</source>
        <translation>Converted from {encoding} to Unicode (in the file: «{original}»)</translation>
    </message>
    <message>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Chi tiết (lỗi, thay đổi)</source>
        <translation>Details (errors, changes)</translation>
    </message>
    <message>
        <source>Số dòng đã đọc</source>
        <translation>Rows read</translation>
    </message>
</context>
<context>
    <name>MappingTable</name>
    <message>
        <source>Cột</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Tiêu đề trong tệp</source>
        <translation>Header in file</translation>
    </message>
    <message>
        <source>Giá trị mẫu</source>
        <translation>Sample value</translation>
    </message>
    <message>
        <source>Nhập vào</source>
        <translation>Import into</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>(bỏ qua)</source>
        <translation>(skip)</translation>
    </message>
    <message>
        <source>Theo lần nhập trước</source>
        <translation>As in previous import</translation>
    </message>
    <message>
        <source>Bỏ qua (theo lần nhập trước)</source>
        <translation>Skipped (as in previous import)</translation>
    </message>
    <message>
        <source>Nhận ra tự động</source>
        <translation>Recognized automatically</translation>
    </message>
    <message>
        <source>Không nhận ra tiêu đề: chưa nhập</source>
        <translation>Header not recognized: not imported</translation>
    </message>
    <message>
        <source>Bỏ qua (số thứ tự, cột kết quả)</source>
        <translation>Skipped (row number or result column)</translation>
    </message>
    <message>
        <source>Trùng nội dung với một cột bên trái: bỏ qua</source>
        <translation>Same content as a column to the left: skipped</translation>
    </message>
    <message>
        <source>Đã chọn lại</source>
        <translation>Changed manually</translation>
    </message>
</context>
<context>
    <name>NumberEdit</name>
    <message>
        <source>Phải là số nguyên</source>
        <translation>Must be a whole number</translation>
    </message>
    <message>
        <source>Không phải là số (dùng dấu phẩy cho phần thập phân, ví dụ 2,34)</source>
        <translation>Not a number (use a comma as the decimal separator, e.g. 2,34)</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Giới tính</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Số CCCD</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Chức vụ</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Mã ngạch</source>
        <translation>Grade code</translation>
    </message>
    <message>
        <source>Bậc</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Hệ số</source>
        <translation>Coefficient</translation>
    </message>
    <message>
        <source>Ngày nghỉ hưu</source>
        <translation>Retirement date</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Staff type</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ngày vào Đảng</source>
        <translation>Party admission date</translation>
    </message>
    <message>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Mã đơn vị</source>
        <translation>Unit code</translation>
    </message>
</context>
<context>
    <name>PersonEditor</name>
    <message>
        <source>Sơ yếu lý lịch</source>
        <translation>Personal details</translation>
    </message>
    <message>
        <source>Mẫu 2C, mục 1–9</source>
        <translation>Form 2C, items 1–9</translation>
    </message>
    <message>
        <source>Định danh (mục 25)</source>
        <translation>Identification (item 25)</translation>
    </message>
    <message>
        <source>1–3. Họ tên, ngày sinh, giới tính</source>
        <translation>1–3. Name, date of birth, sex</translation>
    </message>
    <message>
        <source>4–5. Nơi sinh, quê quán</source>
        <translation>4–5. Place of birth, home town</translation>
    </message>
    <message>
        <source>6–7. Dân tộc, tôn giáo</source>
        <translation>6–7. Ethnic group, religion</translation>
    </message>
    <message>
        <source>8–9. Thường trú, nơi ở hiện nay</source>
        <translation>8–9. Permanent and current residence</translation>
    </message>
    <message>
        <source>Tuyển dụng, công tác</source>
        <translation>Recruitment and employment</translation>
    </message>
    <message>
        <source>Mẫu 2C, mục 10–14</source>
        <translation>Form 2C, items 10–14</translation>
    </message>
    <message>
        <source>10–11. Tuyển dụng</source>
        <translation>10–11. Recruitment</translation>
    </message>
    <message>
        <source>12–13. Chức vụ, công việc</source>
        <translation>12–13. Position, duties</translation>
    </message>
    <message>
        <source>14. Ngạch, bậc lương (HS02 mục 30.1)</source>
        <translation>14. Grade, salary step (HS02 item 30.1)</translation>
    </message>
    <message>
        <source>14. Phụ cấp (HS02 mục 30.2)</source>
        <translation>14. Allowances (HS02 item 30.2)</translation>
    </message>
    <message>
        <source>Vị trí việc làm, lương theo mức tiền (HS02 mục 30.3)</source>
        <translation>Job position, fixed-amount salary (HS02 item 30.3)</translation>
    </message>
    <message>
        <source>Trình độ, Đảng, quân ngũ</source>
        <translation>Qualifications, Party, military service</translation>
    </message>
    <message>
        <source>Mẫu 2C, mục 15–20</source>
        <translation>Form 2C, items 15–20</translation>
    </message>
    <message>
        <source>15. Trình độ</source>
        <translation>15. Qualifications</translation>
    </message>
    <message>
        <source>16–17. Đảng, tổ chức chính trị - xã hội</source>
        <translation>16–17. Party, socio-political organizations</translation>
    </message>
    <message>
        <source>18. Quân ngũ</source>
        <translation>18. Military service</translation>
    </message>
    <message>
        <source>19–20. Danh hiệu, sở trường</source>
        <translation>19–20. Honorary titles, strengths</translation>
    </message>
    <message>
        <source>Khen thưởng, sức khoẻ, bảo hiểm</source>
        <translation>Rewards, health, insurance</translation>
    </message>
    <message>
        <source>Mẫu 2C, mục 21–26 (mục 25, số CCCD: trang Sơ yếu lý lịch)</source>
        <translation>Form 2C, items 21–26 (item 25, ID number: on the Personal details page)</translation>
    </message>
    <message>
        <source>21–22. Khen thưởng, kỷ luật</source>
        <translation>21–22. Rewards, discipline</translation>
    </message>
    <message>
        <source>23. Sức khoẻ</source>
        <translation>23. Health</translation>
    </message>
    <message>
        <source>24. Chính sách</source>
        <translation>24. Policy beneficiary</translation>
    </message>
    <message>
        <source>26. Bảo hiểm xã hội</source>
        <translation>26. Social insurance</translation>
    </message>
    <message>
        <source>27. Đào tạo</source>
        <translation>27. Training</translation>
    </message>
    <message>
        <source>Mẫu 2C, mục 27</source>
        <translation>Form 2C, item 27</translation>
    </message>
    <message>
        <source>28. Công tác</source>
        <translation>28. Work history</translation>
    </message>
    <message>
        <source>Mẫu 2C, mục 28</source>
        <translation>Form 2C, item 28</translation>
    </message>
    <message>
        <source>29. Lịch sử bản thân</source>
        <translation>29. Personal history</translation>
    </message>
    <message>
        <source>Mẫu 2C, mục 29</source>
        <translation>Form 2C, item 29</translation>
    </message>
    <message>
        <source>29. Đặc điểm lịch sử bản thân</source>
        <translation>29. Personal history details</translation>
    </message>
    <message>
        <source>30. Gia đình</source>
        <translation>30. Family</translation>
    </message>
    <message>
        <source>Mẫu 2C, mục 30</source>
        <translation>Form 2C, item 30</translation>
    </message>
    <message>
        <source>31. Lương</source>
        <translation>31. Salary</translation>
    </message>
    <message>
        <source>Mẫu 2C, mục 31</source>
        <translation>Form 2C, item 31</translation>
    </message>
    <message>
        <source>Bổ sung HS02</source>
        <translation>HS02 additions</translation>
    </message>
    <message>
        <source>Mẫu HS02-VC/BNV</source>
        <translation>Form HS02-VC/BNV</translation>
    </message>
    <message>
        <source>Liên hệ, bảo hiểm y tế (HS02 mục 8–9)</source>
        <translation>Contact, health insurance (HS02 items 8–9)</translation>
    </message>
    <message>
        <source>Xuất thân, chính sách (HS02 mục 11, 14, 18)</source>
        <translation>Background, policy beneficiary (HS02 items 11, 14, 18)</translation>
    </message>
    <message>
        <source>Học hàm (HS02 mục 21)</source>
        <translation>Academic title (HS02 item 21)</translation>
    </message>
    <message>
        <source>Quy hoạch, chức vụ Đảng (HS02 mục 24–29)</source>
        <translation>Succession planning, Party positions (HS02 items 24–29)</translation>
    </message>
    <message>
        <source>NĐ 27/2026</source>
        <translation>Decree 27/2026</translation>
    </message>
    <message>
        <source>Dữ liệu theo Nghị định 27/2026/NĐ-CP (cơ sở dữ liệu CBCCVC)</source>
        <translation>Data under Decree 27/2026/NĐ-CP (national database of cadres, civil servants and public employees)</translation>
    </message>
    <message>
        <source>Hoàn cảnh kinh tế</source>
        <translation>Economic circumstances</translation>
    </message>
    <message>
        <source>32. Nhận xét</source>
        <translation>32. Assessment</translation>
    </message>
    <message>
        <source>Mẫu 2C, mục 32</source>
        <translation>Form 2C, item 32</translation>
    </message>
    <message>
        <source>32. Nhận xét, đánh giá</source>
        <translation>32. Comments and assessment</translation>
    </message>
    <message>
        <source>Ảnh và tệp</source>
        <translation>Photo and files</translation>
    </message>
    <message>
        <source>Ảnh 4 x 6 và tệp đính kèm</source>
        <translation>4 x 6 photo and attachments</translation>
    </message>
    <message>
        <source>Phụ cấp</source>
        <translation>Allowances</translation>
    </message>
    <message>
        <source>Khen thưởng</source>
        <translation>Rewards</translation>
    </message>
    <message>
        <source>Kỷ luật</source>
        <translation>Discipline</translation>
    </message>
    <message>
        <source>Đánh giá hằng năm</source>
        <translation>Annual evaluations</translation>
    </message>
    <message>
        <source>Quyết định</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <source>Quy hoạch</source>
        <translation>Succession planning</translation>
    </message>
    <message>
        <source>Kê khai tài sản</source>
        <translation>Asset declarations</translation>
    </message>
    <message>
        <source>Không mở được hồ sơ</source>
        <translation>Cannot open the record</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Lưu hồ sơ (Ctrl+S)</source>
        <translation>Save record (Ctrl+S)</translation>
    </message>
    <message>
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Đóng, không lưu (Esc)</source>
        <translation>Close without saving (Esc)</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Hồ sơ: {name}</source>
        <translation>Record: {name}</translation>
    </message>
    <message>
        <source>Thêm hồ sơ mới</source>
        <translation>Add new record</translation>
    </message>
    <message>
        <source>Đơn vị: {name} ({code}). Đổi đơn vị bằng lệnh Chuyển đơn vị ở cửa sổ chính.</source>
        <translation>Unit: {name} ({code}). To change the unit, use Transfer to another unit in the main window.</translation>
    </message>
    <message>
        <source>Đơn vị: chưa xếp đơn vị.</source>
        <translation>Unit: not assigned.</translation>
    </message>
    <message>
        <source>Không có thay đổi cần lưu.</source>
        <translation>Nothing to save.</translation>
    </message>
    <message>
        <source>Đã lưu lúc {time}.</source>
        <translation>Saved at {time}.</translation>
    </message>
    <message>
        <source>Hồ sơ chưa được lưu: có {count} lỗi, xem các ô được đánh dấu.</source>
        <translation>The record was not saved: {count} error(s); see the highlighted fields.</translation>
    </message>
    <message>
        <source>Không lưu được hồ sơ</source>
        <translation>Cannot save the record</translation>
    </message>
    <message>
        <source>Đã lưu, xin kiểm tra lại</source>
        <translation>Saved — please review</translation>
    </message>
    <message>
        <source>Hồ sơ đã được lưu. Lưu ý:</source>
        <translation>The record has been saved. Please note:</translation>
    </message>
    <message>
        <source>Hồ sơ có thay đổi chưa lưu. Lưu trước khi đóng?</source>
        <translation>The record has unsaved changes. Save before closing?</translation>
    </message>
    <message>
        <source>Không lưu</source>
        <translation>Don&apos;t save</translation>
    </message>
</context>
<context>
    <name>PhotoFrame</name>
    <message>
        <source>Ảnh màu 4 x 6

Kéo thả tệp ảnh vào đây</source>
        <translation>Color photo 4 x 6

Drag and drop an image file here</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Sẽ đổi: {changes}</source>
        <translation>Will change: {changes}</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Xem trước</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Mỗi dòng sẽ được xử lý như dưới đây; chưa có gì được ghi vào HoSo. Ô {bad} có lỗi, ô {converted} là chữ đã chuyển từ TCVN3/VNI sang Unicode: di chuột lên ô để xem.</source>
        <translation>Each row will be processed as shown below; nothing has been written to HoSo yet. {bad} cells have errors, {converted} cells hold text converted from TCVN3/VNI to Unicode: hover over a cell to see.</translation>
    </message>
    <message>
        <source>Chỉ dòng có lỗi</source>
        <translation>Only rows with errors</translation>
    </message>
    <message>
        <source>Chạy thử trên toàn bộ tệp</source>
        <translation>Test run on the whole file</translation>
    </message>
    <message>
        <source>Nhập vào HoSo</source>
        <translation>Import into HoSo</translation>
    </message>
    <message>
        <source>Đang xem trước…</source>
        <translation>Preparing preview…</translation>
    </message>
    <message>
        <source> (chỉ {count} dòng đầu; bấm Chạy thử để kiểm tra cả tệp)</source>
        <translation> (first {count} rows only; click Test run to check the whole file)</translation>
    </message>
    <message>
        <source>Đang chạy thử…</source>
        <translation>Running test…</translation>
    </message>
    <message>
        <source>Đã dừng chạy thử.</source>
        <translation>Test run stopped.</translation>
    </message>
    <message>
        <source>Chạy thử trên toàn bộ tệp, không có gì được ghi. Nếu nhập: thêm mới {imported} người, cập nhật {updated}, không đổi {unchanged}; từ chối {rejected} dòng; bỏ qua {skipped} dòng.</source>
        <translation>Test run on the whole file; nothing was written. If imported: {imported} new people added, {updated} updated, {unchanged} unchanged; {rejected} rows rejected; {skipped} rows skipped.</translation>
    </message>
    <message>
        <source>Trang &apos;{sheet}&apos;</source>
        <translation>Sheet &apos;{sheet}&apos;</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>Xem trước khi in</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <source>Không mở được tệp PDF để xem trước ({error}).</source>
        <translation>Cannot open the PDF file for preview ({error}).</translation>
    </message>
    <message>
        <source>Trang đầu</source>
        <translation>First page</translation>
    </message>
    <message>
        <source>Trang trước</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>Trang</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>Trang sau</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>Trang cuối</source>
        <translation>Last page</translation>
    </message>
    <message>
        <source>Thu nhỏ</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Phóng to</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Vừa chiều rộng</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>Cả trang</source>
        <translation>Whole page</translation>
    </message>
    <message>
        <source>Xem trọn một trang</source>
        <translation>Fit whole page</translation>
    </message>
    <message>
        <source>In…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Lưu PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>Lưu một bản PDF</source>
        <translation>Save a PDF copy</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Đóng cửa sổ xem trước (Esc)</source>
        <translation>Close preview (Esc)</translation>
    </message>
    <message>
        <source>Đang gửi tới máy in…</source>
        <translation>Sending to printer…</translation>
    </message>
    <message>
        <source>Không in được: {error}</source>
        <translation>Cannot print: {error}</translation>
    </message>
    <message>
        <source>Lưu bản PDF</source>
        <translation>Save PDF copy</translation>
    </message>
    <message>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Không lưu được tệp {path}: {error}</source>
        <translation>Cannot save file {path}: {error}</translation>
    </message>
    <message>
        <source>Không mở được máy in.</source>
        <translation>Cannot open the printer.</translation>
    </message>
    <message>
        <source>Máy in không nhận trang tiếp theo.</source>
        <translation>The printer did not accept the next page.</translation>
    </message>
</context>
<context>
    <name>QuickEntryDialog</name>
    <message>
        <source>Thêm hồ sơ mới</source>
        <translation>Add new record</translation>
    </message>
    <message>
        <source>(chọn đơn vị)</source>
        <translation>(choose a unit)</translation>
    </message>
    <message>
        <source>Điền sẵn theo đơn vị</source>
        <translation>Prefill from unit</translation>
    </message>
    <message>
        <source>Thêm các giá trị phần lớn người trong đơn vị có chung: cơ quan tuyển dụng, loại cán bộ, dân tộc, tôn giáo, tỉnh, trình độ phổ thông, mã ngạch</source>
        <translation>Fill in the values most people in the unit share: recruiting agency, staff category, ethnic group, religion, province, general education level, grade code</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Tạo hồ sơ</source>
        <translation>Create record</translation>
    </message>
    <message>
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Nhập các thông tin tối thiểu; hồ sơ đầy đủ mở ra ngay sau khi tạo.</source>
        <translation>Enter the minimum details; the full record opens right after it is created.</translation>
    </message>
    <message>
        <source>Không tạo được hồ sơ</source>
        <translation>Cannot create the record</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Không tạo được báo cáo: {error}</source>
        <translation>Cannot create the report: {error}</translation>
    </message>
    <message>
        <source>Mẫu 2C-BNV/2008 (HS02-VC/BNV cho viên chức)</source>
        <translation>Form 2C-BNV/2008 (HS02-VC/BNV for public employees)</translation>
    </message>
    <message>
        <source>Mẫu mặc định theo loại cán bộ</source>
        <translation>Default form for the staff type</translation>
    </message>
    <message>
        <source>Chưa có hồ sơ để in. Hãy chọn một người trong danh sách (hồ sơ mới cần được lưu trước).</source>
        <translation>There is no record to print. Select a person in the list (a new record must be saved first).</translation>
    </message>
    <message>
        <source>Sơ yếu lý lịch</source>
        <translation>Personal history statement</translation>
    </message>
    <message>
        <source>Mẫu:</source>
        <translation>Form:</translation>
    </message>
    <message>
        <source>Đang chuẩn bị sơ yếu lý lịch…</source>
        <translation>Preparing the personal history statement…</translation>
    </message>
    <message>
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Hãy chọn một đơn vị trong cây đơn vị trước khi in hồ sơ cả đơn vị.</source>
        <translation>Select a unit in the unit tree before printing the records of a whole unit.</translation>
    </message>
    <message>
        <source>Đang in hồ sơ của {unit}…</source>
        <translation>Printing the records of {unit}…</translation>
    </message>
    <message>
        <source>Danh sách đang xem không có ai để in.</source>
        <translation>The current list has no one to print.</translation>
    </message>
    <message>
        <source>Danh sách {count} người</source>
        <translation>List of {count} person(s)</translation>
    </message>
    <message>
        <source>Xuất Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>Danh sách</source>
        <translation>List</translation>
    </message>
    <message>
        <source>Đang chuẩn bị danh sách…</source>
        <translation>Preparing the list…</translation>
    </message>
    <message>
        <source>Xuất danh sách ra Excel</source>
        <translation>Export list to Excel</translation>
    </message>
    <message>
        <source>Bảng tính Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Đã ghi danh sách {count} người vào {path}.</source>
        <translation>Saved the list of {count} person(s) to {path}.</translation>
    </message>
    <message>
        <source>Đang xuất danh sách…</source>
        <translation>Exporting list…</translation>
    </message>
    <message>
        <source>Toàn bộ các đơn vị</source>
        <translation>All units</translation>
    </message>
    <message>
        <source>Báo cáo số lượng, chất lượng</source>
        <translation>Staff numbers and quality report</translation>
    </message>
    <message>
        <source>Đang lập báo cáo số lượng, chất lượng…</source>
        <translation>Preparing the staff numbers and quality report…</translation>
    </message>
    <message>
        <source>Lưu báo cáo ra Excel</source>
        <translation>Save report to Excel</translation>
    </message>
    <message>
        <source>Đã ghi báo cáo vào {path}.</source>
        <translation>Saved the report to {path}.</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Kết quả nhập</source>
        <translation>Import results</translation>
    </message>
    <message>
        <source>Các dòng hợp lệ được ghi cùng một lần; dòng bị từ chối không được ghi phần nào.</source>
        <translation>Valid rows are written together in one go; no part of a rejected row is written.</translation>
    </message>
    <message>
        <source>Lưu báo cáo kết quả…</source>
        <translation>Save results report…</translation>
    </message>
    <message>
        <source>Các lỗi (dòng bị từ chối):</source>
        <translation>Errors (rejected rows):</translation>
    </message>
    <message>
        <source>Đang nhập vào HoSo…</source>
        <translation>Importing into HoSo…</translation>
    </message>
    <message>
        <source>Đã huỷ việc nhập: không có gì được ghi vào HoSo.</source>
        <translation>Import canceled: nothing was written to HoSo.</translation>
    </message>
    <message>
        <source>Đã nhập xong tệp {name}.</source>
        <translation>Finished importing {name}.</translation>
    </message>
    <message>
        <source>Lưu báo cáo kết quả nhập</source>
        <translation>Save import report</translation>
    </message>
    <message>
        <source>Đang lưu báo cáo…</source>
        <translation>Saving report…</translation>
    </message>
    <message>
        <source>Đã lưu báo cáo: {path}</source>
        <translation>Report saved: {path}</translation>
    </message>
</context>
<context>
    <name>SectionTable</name>
    <message>
        <source>Thêm dòng</source>
        <translation>Add row</translation>
    </message>
    <message>
        <source>Xoá dòng</source>
        <translation>Delete row</translation>
    </message>
    <message>
        <source>Lên</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Xuống</source>
        <translation>Move down</translation>
    </message>
</context>
<context>
    <name>StatsDialog</name>
    <message>
        <source>Báo cáo số lượng, chất lượng</source>
        <translation>Staff numbers and quality report</translation>
    </message>
    <message>
        <source>Công chức (mẫu BM01)</source>
        <translation>Civil servants (form BM01)</translation>
    </message>
    <message>
        <source>Viên chức</source>
        <translation>Public employees</translation>
    </message>
    <message>
        <source>Xem trước và in (PDF)</source>
        <translation>Preview and print (PDF)</translation>
    </message>
    <message>
        <source>Lưu bảng tính Excel (.xlsx)</source>
        <translation>Save Excel workbook (.xlsx)</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Tính đến ngày</source>
        <translation>As of</translation>
    </message>
    <message>
        <source>Thống kê</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Kết quả</source>
        <translation>Output</translation>
    </message>
    <message>
        <source>Lập báo cáo</source>
        <translation>Create report</translation>
    </message>
    <message>
        <source>Ngày báo cáo không hợp lệ; hãy gõ theo dạng dd/mm/yyyy.</source>
        <translation>Invalid report date; type it as dd/mm/yyyy.</translation>
    </message>
</context>
<context>
    <name>UnitPrintDialog</name>
    <message>
        <source>In hồ sơ cả đơn vị</source>
        <translation>Print records of the whole unit</translation>
    </message>
    <message>
        <source>In sơ yếu lý lịch của mọi người thuộc {unit} vào một tệp PDF.</source>
        <translation>Print the CV of everyone in {unit} into one PDF file.</translation>
    </message>
    <message>
        <source>Mẫu</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Gồm các đơn vị trực thuộc</source>
        <translation>Include sub-units</translation>
    </message>
    <message>
        <source>Gồm cả người đã nghỉ hưu, chuyển công tác, thôi việc</source>
        <translation>Include people who have retired, transferred out or left service</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Print</translation>
    </message>
</context>
</TS>
